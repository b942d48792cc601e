// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The write before the lock, and the notification inside it: the lock is
// taken between the two.
#include "queue.hpp"

void Queue::stop() {
  stop_ = true;
  std::lock_guard<std::mutex> guard(mutex_);
  cv_.notify_all();
}
