// RUN: %check_tether %s tether-unreleased-wait %t --allow-errors

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from half-understood code.
#include <atomic>
#include <thread>

std::atomic<bool> done{false};

void finish(bool ok) {
  if (!ok)
    return undeclared_value;
  done = compute_that_does_not_exist();
}

void wait_done() {
  while (!done && undeclared_flag)
    std::this_thread::yield();
}
