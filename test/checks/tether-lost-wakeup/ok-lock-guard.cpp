// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The write holds the waiter's mutex through a std::lock_guard; notifying
// after the guard's scope ends is fine.
#include "queue.hpp"

void Queue::stop() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
}
