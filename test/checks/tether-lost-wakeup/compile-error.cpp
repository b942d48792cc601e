// RUN: %check_tether %s tether-lost-wakeup %t --allow-errors

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from half-understood code.
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void waiter() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready && undeclared_flag; });
  cv.wait(undeclared_lock, [] { return ready; });
}

void producer() {
  ready = compute_that_does_not_exist();
  cv.notify_one();
}

void producer2() {
  UnknownType value = 1;
  ready = true;
  cv.notify_all();
}
