// RUN: %check_tether %s tether-lost-wakeup %t

// A write on a branch that does not lead to the notification.
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void waiter() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready; });
}

void either(bool Prepare) {
  if (Prepare) {
    ready = false;
  } else {
    cv.notify_one();
  }
}
