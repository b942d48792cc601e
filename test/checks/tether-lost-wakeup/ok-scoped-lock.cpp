// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The write holds the waiter's mutex through a std::scoped_lock of two
// mutexes (and CTAD spellings of the others).
#include "queue.hpp"

void Queue::stop() {
  {
    std::scoped_lock lock(other_, mutex_);
    stop_ = true;
  }
  cv_.notify_all();
}

void Queue::push(int Item) {
  {
    auto lock = std::unique_lock(mutex_);
    items_.push_back(Item);
  }
  cv_.notify_one();
}
