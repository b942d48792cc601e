// RUN: %check_tether %s tether-lost-wakeup %t

// Locals captured by reference into the thread's lambda.
#include <condition_variable>
#include <mutex>
#include <thread>

void run() {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread worker([&] {
    std::unique_lock<std::mutex> lock(m);
    while (!done)
      cv.wait(lock);
  });
  done = true;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'done' is written without holding 'm', the mutex 'cv' waits with: a waiter that has checked 'done' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
  cv.notify_one();
  worker.join();
}
