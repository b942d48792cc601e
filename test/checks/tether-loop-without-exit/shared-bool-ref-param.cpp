// RUN: %check_tether %s tether-loop-without-exit %t

// A task function that takes the flag by reference (std::ref) or through a
// pointer: the spawner writes the same bool from its own thread.
#include <functional>
#include <thread>

void step();

void by_reference(const bool &stop) {
  while (!stop) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop's only exit condition 'stop' is a plain bool shared with another thread: a data race, and the compiler may hoist the read so that the loop never stops [tether-loop-without-exit]
    step();
  }
}

void through_pointer(bool *stop) {
  while (!*stop) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop's only exit condition 'stop' is a plain bool shared with another thread: a data race, and the compiler may hoist the read so that the loop never stops [tether-loop-without-exit]
    step();
  }
}

void start(bool &stop) {
  std::thread a(by_reference, std::cref(stop));
  std::thread b(through_pointer, &stop);
  stop = true;
  a.join();
  b.join();
}
