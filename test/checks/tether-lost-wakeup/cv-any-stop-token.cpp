// RUN: %check_tether %s tether-lost-wakeup %t

// std::condition_variable_any's stop-token wait checks its predicate the
// same way: a request made outside the mutex can still be missed.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>

class Inbox {
public:
  void run(std::stop_token Stop) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (ready_.wait(lock, Stop, [this] { return !items_.empty(); }))
      items_.pop_front();
  }
  void post(int Item) {
    items_.push_back(Item);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'items_' is written without holding 'mutex_', the mutex 'ready_' waits with: a waiter that has checked 'items_' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
    ready_.notify_one();
  }

private:
  std::mutex mutex_;
  std::condition_variable_any ready_;
  std::deque<int> items_;
};
