// RUN: %check_tether %s tether-lost-wakeup %t

// The waiter's predicate reads the counter through an init-capture: the
// capture names the member, so a decrement without the mutex is reported.
#include <atomic>
#include <condition_variable>
#include <mutex>

class Attempt {
public:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&pulling = pulling_, this] { return stopped_ || pulling == 0; });
  }
  void pullFinished() {
    --pulling_;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pulling_' is written without holding 'mutex_', the mutex 'cv_' waits with: a waiter that has checked 'pulling_' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'pulling_' being atomic does not help: the window is between the waiter's check and its wait, which only 'mutex_' closes
    // CHECK-MESSAGES: :13:32: note: the waiter checks 'pulling_' here, holding 'mutex_', and then waits on 'cv_'
    cv_.notify_all();
    // CHECK-MESSAGES: :[[@LINE-1]]:9: note: 'cv_' is notified here; write 'pulling_' while holding 'mutex_', or lock 'mutex_' after the write and before notifying
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::atomic<int> pulling_{0};
  bool stopped_ = false;
};
