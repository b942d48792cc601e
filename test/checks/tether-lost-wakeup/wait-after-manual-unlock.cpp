// RUN: %check_tether %s tether-lost-wakeup %t

// The loop drops its lock to do the work and takes it again before the
// wait, without looking at `stop` in between: a stop() that ran during the
// work has already notified.
#include <condition_variable>
#include <mutex>

struct Worker {
  std::mutex m;
  std::condition_variable cv;
  bool stop = false;
  int pending = 0;

  void process();

  void loop() {
    std::unique_lock<std::mutex> lock(m);
    while (!stop) {
      lock.unlock();
      process();
      lock.lock();
      cv.wait(lock);
      // CHECK-MESSAGES: :23:7: warning: waits on 'cv' without checking 'stop' again after the lock on 'm' was released: a notification sent while it was released is lost and this wait sleeps forever [tether-lost-wakeup]
      // CHECK-MESSAGES: :19:13: note: 'stop' is checked here, holding 'm'
      // CHECK-MESSAGES: :20:7: note: 'm' is released here, on the way to the wait
      // CHECK-MESSAGES: :34:8: note: 'cv' is notified here after 'stop' changes; wait only on the path that did not release the lock, or with a predicate that checks 'stop'
    }
  }

  void halt() {
    std::lock_guard<std::mutex> guard(m);
    stop = true;
    cv.notify_one();
  }
};

