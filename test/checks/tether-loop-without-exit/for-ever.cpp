// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// `for (;;)`, and a `for` whose only variable is not the condition's.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> iterations;

void start_counter() {
  tether::go("counter", [] {
    // RUNTIME: task {{[0-9]+}} "counter" [running, {{.*}} without blocking or checking its context] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}for-ever.cpp:[[@LINE-2]]
    for (long i = 0;; ++i) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      iterations.store(i, std::memory_order_relaxed);
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_counter();
  report_loop_leaks();
}
#endif
