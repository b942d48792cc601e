// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Loops left by a break, a return or a goto.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<int> budget{1000};

void start() {
  tether::go([] {
    while (true) {
      if (budget.fetch_sub(1) <= 0)
        break;
    }
  });
  tether::go([] {
    for (;;)
      if (budget.load() <= 0)
        return;
  });
  tether::go([] {
    for (;;) {
      if (budget.load() <= 0)
        goto done;
    }
  done:;
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start();
  // RUNTIME: tether: no leaks
  report_loop_leaks();
}
#endif
