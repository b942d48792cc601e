// RUN: %check_tether %s tether-lost-wakeup %t

// A global flag, condition variable and mutex.
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void consumer() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready; });
}

void producer() {
  ready = true;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'ready' is written without holding 'm', the mutex 'cv' waits with: a waiter that has checked 'ready' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
  cv.notify_one();
}
