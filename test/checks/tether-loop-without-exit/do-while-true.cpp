// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// `do { ... } while (1)`: the same loop, tested at the bottom.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> polls;

void poll_forever() {
  tether::go([] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}do-while-true.cpp:[[@LINE-2]]
    do {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      polls.fetch_add(1);
    } while (1);
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  poll_forever();
  report_loop_leaks();
}
#endif
