// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Lambdas within lambdas: a task that spawns a task, and a task that calls
// a lambda it defines. A lambda that is only stored is not run by the task.
#include <tether/tether.hpp>

#include <atomic>
#include <functional>

std::atomic<long> handled;
std::function<void()> saved;

void accept_loop() {
  tether::go([] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    tether::go([] {
      while (true)
        // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
        handled.fetch_add(1);
    });
  });
}

void calls_inner() {
  tether::go([] {
    auto spin = [] {
      for (;;)
        // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
        handled.fetch_add(1);
    };
    spin();
  });
}

void stores_inner() {
  tether::go([] {
    saved = [] {
      for (;;)
        handled.fetch_add(1);
    };
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  accept_loop();
  report_loop_leaks();
}
#endif
