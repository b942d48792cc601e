// RUN: %check_tether %s tether-skipped-release %t --allow-errors

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from half-understood code.
#include <atomic>
#include <thread>

std::atomic<bool> busy{false};

void drain() {
  while (busy && undeclared_flag)
    std::this_thread::yield();
}

void run(bool cancelled) {
  busy = true;
  if (cancelled)
    return undeclared_value;
  busy = compute_that_does_not_exist();
}
