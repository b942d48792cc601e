// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The write holds the waiter's mutex through a std::unique_lock, unlocked
// before the notification.
#include "queue.hpp"

void Queue::stop() {
  std::unique_lock<std::mutex> lock(mutex_);
  stop_ = true;
  lock.unlock();
  cv_.notify_all();
}

void Queue::push(int Item) {
  std::unique_lock<std::mutex> lock(mutex_, std::defer_lock);
  lock.lock();
  items_.push_back(Item);
  lock.unlock();
  cv_.notify_one();
}
