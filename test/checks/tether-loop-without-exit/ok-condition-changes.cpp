// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Conditions that change inside the loop: a counter, a flag the loop
// clears, a call, a variable written through a reference or a pointer.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<int> budget{100};
bool keep_going() { return budget.fetch_sub(1) > 0; }
void refill(int &left) { left = budget.fetch_sub(1); }

void start() {
  tether::go([] {
    for (int i = 0; i < 10; ++i)
      budget.fetch_add(0);
  });
  tether::go([] {
    bool more = true;
    while (more)
      more = budget.fetch_sub(1) > 0;
  });
  tether::go([] {
    while (keep_going())
      ;
  });
  tether::go([] {
    int left = 1;
    while (left > 0)
      refill(left);
  });
  tether::go([] {
    int left = 1;
    int *p = &left;
    while (left > 0)
      *p = budget.fetch_sub(1);
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
