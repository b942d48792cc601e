// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The lock is released on the way to the wait, but the state is checked
// again after it is taken back.
#include "batcher.hpp"

void Batcher::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopped_) {
    flush(lock);
    if (stopped_)
      break;
    cv_.wait(lock);
  }
}
