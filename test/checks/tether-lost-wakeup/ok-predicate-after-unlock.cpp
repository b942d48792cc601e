// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The lock is released on the way, but the wait takes a predicate (checked
// before it sleeps) or a deadline (it wakes up by itself); a helper that
// keeps the lock releases nothing.
#include "batcher.hpp"
#include <chrono>

void Batcher::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopped_) {
    flush(lock);
    cv_.wait(lock, [this] { return stopped_ || !queue_.empty(); });
  }
  while (!stopped_) {
    flush(lock);
    cv_.wait_for(lock, std::chrono::milliseconds(50));
  }
  while (!stopped_) {
    if (ready(lock))
      continue;
    cv_.wait(lock);
  }
}
