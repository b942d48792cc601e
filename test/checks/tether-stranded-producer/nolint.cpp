// RUN: %check_tether %s tether-stranded-producer %t -- -- -I %S/Inputs

// NOLINT silences the warning at the wait.
#include "channel.hpp"

void Channel::send(int value) {
  std::unique_lock<std::mutex> lock(mu_);
  not_full_.wait(lock, [this] { return !full(); }); // NOLINT(tether-stranded-producer)
  items_.push(value);
  not_empty_.notify_one();
}
