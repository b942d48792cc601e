// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// A statistic the waiter never checks, written outside the lock.
#include "queue.hpp"

void Queue::push(int Item) {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    items_.push_back(Item);
  }
  ++pushed_;
  cv_.notify_one();
}
