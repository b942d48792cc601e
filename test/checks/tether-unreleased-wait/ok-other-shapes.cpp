// RUN: %check_tether %s tether-unreleased-wait %t

// Look-alikes that are not waits on another thread's release: a loop that
// does work (not a wait), a loop whose body writes the flag itself, a flag
// released in no function of this file (another file's thread), and a
// release in a try block caught locally.
#include <atomic>
#include <stdexcept>
#include <thread>

std::atomic<bool> running{true};
void process();
void worker() {
  while (running) {
    process();
    std::this_thread::yield();
  }
}
void stop(bool now) {
  if (!now)
    return;
  running = false;
}

std::atomic<bool> spin{false};
void self() {
  while (!spin) {
    spin = true;
    std::this_thread::yield();
  }
}

extern std::atomic<bool> remote_ready;
void wait_remote() {
  while (!remote_ready)
    std::this_thread::yield();
}

std::atomic<bool> ready{false};
void check();
void prepare() {
  try {
    check();
  } catch (...) {
  }
  ready = true;
}
void wait_ready() {
  while (!ready)
    std::this_thread::yield();
}
