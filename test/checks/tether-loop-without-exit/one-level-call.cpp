// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The loop is in a function the task calls directly: one level deep is
// followed, and a note points at the call.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> served;

void serve_forever() {
  for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    // CHECK-MESSAGES: :[[@LINE+7]]:5: note: 'serve_forever' is called from the task here
    // CHECK-MESSAGES: :[[@LINE+5]]:3: note: task spawned here
    served.fetch_add(1);
}

void start_server() {
  tether::go([] {
    serve_forever();
  });
}

// Two levels deep is not followed: too far from the spawn to be sure.
void deep_loop() {
  for (;;)
    served.fetch_add(1);
}
void middle() { deep_loop(); }
void start_outer() {
  tether::go([] { middle(); });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_server();
  // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
  report_loop_leaks();
}
#endif
