// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The fix of nano-node's vote_generator: the loop waits only on the branch
// that did not release the lock; after a flush it goes round and checks
// `stopped_` again.
#include "batcher.hpp"

void Batcher::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopped_) {
    if (!queue_.empty())
      flush(lock);
    else
      cv_.wait(lock);
  }
}
