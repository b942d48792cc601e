// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The condition reads a local that nothing in the loop changes: once
// entered, the loop never ends.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> rounds;

void start_rounds() {
  tether::go([] {
    bool more = true;
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}unchanged-local.cpp:[[@LINE-3]]
    while (more) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:12: note: 'more' cannot change inside the loop
      rounds.fetch_add(1); // `more = rounds < 10;` was forgotten
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_rounds();
  report_loop_leaks();
}
#endif
