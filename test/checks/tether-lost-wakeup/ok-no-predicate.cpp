// RUN: %check_tether %s tether-lost-wakeup %t

// A wait with no predicate and no loop condition checks no state: what it
// misses is another check's question (a spurious wakeup, a lost signal of a
// semaphore-like protocol), not this one.
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void waiter() {
  std::unique_lock<std::mutex> lock(m);
  for (;;) {
    cv.wait(lock);
    if (ready)
      return;
  }
}

void producer() {
  ready = true;
  cv.notify_one();
}
