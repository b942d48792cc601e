// RUN: %check_tether %s tether-lost-wakeup %t

// nano-node's bootstrap attempt: `pulling` is atomic and decremented outside
// the mutex the waiter's predicate runs under. The atomic makes the read
// race-free, not the wakeup: the decrement and the notification can fall
// between the waiter's check and its wait.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

struct attempt {
  std::atomic<unsigned> pulling{0};
  std::atomic<bool> stopped{false};
  std::mutex mutex;
  std::condition_variable condition;

  void wait_pulls() {
    std::unique_lock<std::mutex> lock(mutex);
    condition.wait(lock, [&] { return stopped || pulling == 0; });
  }
};

void pull_finished(const std::shared_ptr<attempt> &a) {
  --a->pulling;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pulling' is written without holding 'mutex', the mutex 'condition' waits with: a waiter that has checked 'pulling' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'pulling' being atomic does not help: the window is between the waiter's check and its wait, which only 'mutex' closes
  // CHECK-MESSAGES: :20:50: note: the waiter checks 'pulling' here, holding 'mutex', and then waits on 'condition'
  a->condition.notify_all();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'condition' is notified here; write 'pulling' while holding 'mutex', or lock 'mutex' after the write and before notifying
}

void stop(attempt &a) {
  a.stopped.store(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'stopped' is written without holding 'mutex', the mutex 'condition' waits with: a waiter that has checked 'stopped' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
  a.condition.notify_all();
}
