// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The well-known fix for a flag that must stay atomic or be written outside
// the lock: take the mutex after the write and before notifying. A waiter
// either checked before the lock (and is blocked when the notification
// comes) or checks after it (and sees the write).
#include "queue.hpp"

void Queue::stop() {
  stop_ = true;
  { std::lock_guard<std::mutex> sync(mutex_); }
  cv_.notify_all();
}

void Queue::push(int Item) {
  items_.push_back(Item);
  mutex_.lock();
  mutex_.unlock();
  cv_.notify_one();
}
