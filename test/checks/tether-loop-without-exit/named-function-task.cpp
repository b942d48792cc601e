// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The task is a named function; it is reported once although two spawn
// sites start it.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> pumped;

void pump() {
  while (true) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    pumped.fetch_add(1);
  }
}

void start_pumps() {
  // RUNTIME: task {{[0-9]+}} "first" [running, {{.*}}] [possible loop]
  // RUNTIME-NEXT: spawned at {{.*}}named-function-task.cpp:[[@LINE+1]]
  tether::go("first", pump);
}

void start_again() {
  tether::go{pump}; // braces: `go(pump);` would declare a variable
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_pumps();
  report_loop_leaks();
}
#endif
