// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A `break` inside a switch leaves the switch, not the loop.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<int> state;

void run_state_machine() {
  tether::go([] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    while (true) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      switch (state.load()) {
      case 0:
        state = 1;
        break; // leaves the switch only
      case 1:
        state = 0;
        break;
      default:
        break;
      }
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  run_state_machine();
  report_loop_leaks();
}
#endif
