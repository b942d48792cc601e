// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// nano-node's vote_generator before 7587160: the loop checks `stopped_`,
// then a helper given the lock releases it to send, relocks, and the loop
// waits without checking again. stop() run while the lock is released
// notifies no one, and the join of the worker hangs.
#include "batcher.hpp"

void Batcher::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopped_) {
    if (!queue_.empty())
      flush(lock);
    cv_.wait(lock);
    // CHECK-MESSAGES: :14:5: warning: waits on 'cv_' without checking 'stopped_' again after the lock on 'mutex_' was released: a notification sent while it was released is lost and this wait sleeps forever [tether-lost-wakeup]
    // CHECK-MESSAGES: :11:11: note: 'stopped_' is checked here, holding 'mutex_'
    // CHECK-MESSAGES: :13:7: note: 'mutex_' is released here, on the way to the wait
    // CHECK-MESSAGES: batcher.hpp:14:9: note: 'cv_' is notified here after 'stopped_' changes; wait only on the path that did not release the lock, or with a predicate that checks 'stopped_'
  }
}

