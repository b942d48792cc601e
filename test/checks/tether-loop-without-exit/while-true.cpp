// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A task whose loop is `while (true)` with nothing that leaves it and no
// context or stop token: the task can never stop.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> iterations;

void start_spinner() {
  tether::go([] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}} without blocking or checking its context] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}while-true.cpp:[[@LINE-2]]
    while (true) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:5: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
      // CHECK-MESSAGES: :[[@LINE-6]]:3: note: task spawned here
      iterations.fetch_add(1, std::memory_order_relaxed);
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_spinner();
  report_loop_leaks();
}
#endif
