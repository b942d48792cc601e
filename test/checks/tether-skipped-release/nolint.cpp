// RUN: %check_tether %s tether-skipped-release %t

// A reviewed exit, silenced with NOLINT.
#include <atomic>
#include <thread>

std::atomic<bool> busy{false};

void drain() {
  while (busy)
    std::this_thread::yield();
}

void run(bool cancelled) {
  busy = true;
  if (cancelled)
    return; // NOLINT(tether-skipped-release): the caller clears it
  busy = false;
}
