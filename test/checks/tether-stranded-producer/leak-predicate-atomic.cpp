// RUN: %check_tether %s tether-stranded-producer %t -- -- -I %S/Inputs

// The stranded producer with predicate waits and an atomic flag that
// shutdown() clears with store(): the producer's predicate asks only for
// room.
#include "channel.hpp"

void Channel::send(int value) {
  std::unique_lock<std::mutex> lock(mu_);
  not_full_.wait(lock, [this] { return !full(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this wait on 'not_full_' for room in the queue can block forever: 'shutdown' lets the consumers exit, and the wait neither checks 'running_' nor is woken by 'shutdown' [tether-stranded-producer]
  items_.push(value);
  not_empty_.notify_one();
}
