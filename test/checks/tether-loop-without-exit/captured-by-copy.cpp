// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The flag is captured by copy: whatever the spawner does to its own
// variable later, the task's copy stays true.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> rounds;

void start_and_forget() {
  bool running = true;
  tether::go([running] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}captured-by-copy.cpp:[[@LINE-2]]
    while (running) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:12: note: 'running' is captured by copy: the task never sees its spawner change it
      rounds.fetch_add(1);
    }
  });
  running = false; // too late: the task has its own copy
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_and_forget();
  report_loop_leaks();
}
#endif
