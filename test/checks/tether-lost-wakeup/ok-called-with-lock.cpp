// RUN: %check_tether %s tether-lost-wakeup %t

// A function that takes the caller's lock runs with the mutex held.
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void waiter() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready; });
}

void publish(std::unique_lock<std::mutex> &held) {
  ready = true;
  cv.notify_one();
}
