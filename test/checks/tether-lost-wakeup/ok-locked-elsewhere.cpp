// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The waiter's state is written under the lock in one function and
// notified from another that writes nothing.
#include "queue.hpp"

void Queue::push(int Item) {
  std::lock_guard<std::mutex> guard(mutex_);
  items_.push_back(Item);
}

void Queue::stop() { cv_.notify_all(); }
