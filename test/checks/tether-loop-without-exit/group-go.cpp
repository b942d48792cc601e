// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// group::go (errgroup): the group's context is right there, and the loop
// ignores it, so the first error cannot stop this task.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> scanned;

void scan_all(tether::group &g) {
  g.go([] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}group-go.cpp:[[@LINE-2]]
    for (;;)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      scanned.fetch_add(1);
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto *g = new tether::group(); // never waited for: the task never ends
  scan_all(*g);
  report_loop_leaks();
}
#endif
