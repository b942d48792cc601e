// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// wait_group::go: wait() would never return either.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> ticks;
tether::wait_group workers;

void start_workers() {
  workers.go([] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}wait-group-go.cpp:[[@LINE-2]]
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      ticks.fetch_add(1);
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_workers();
  report_loop_leaks();
}
#endif
