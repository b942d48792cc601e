// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The loop is in a function the task calls, directly or through other
// functions: every call on the way gets a note.
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

// Two and three calls deep.
void deep_loop() {
  for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    // CHECK-MESSAGES: :[[@LINE+6]]:17: note: 'deep_loop' is called from 'middle' here
    // CHECK-MESSAGES: :[[@LINE+6]]:16: note: 'middle' is called from 'outer' here
    // CHECK-MESSAGES: :[[@LINE+7]]:19: note: 'outer' is called from the task here
    // CHECK-MESSAGES: :[[@LINE+6]]:3: note: task spawned here
    served.fetch_add(1);
}
void middle() { deep_loop(); }
void outer() { middle(); }
void start_outer() {
  tether::go([] { outer(); });
}

// Recursion: a function that calls itself and a loop below it.
void recurse(int n);
void spin_below() {
  while (true)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    // CHECK-MESSAGES: :[[@LINE+7]]:5: note: 'spin_below' is called from 'recurse' here
    // CHECK-MESSAGES: :[[@LINE+10]]:19: note: 'recurse' is called from the task here
    // CHECK-MESSAGES: :[[@LINE+9]]:3: note: task spawned here
    served.fetch_add(1);
}
void recurse(int n) {
  if (n == 0)
    spin_below();
  recurse(n - 1);
}
void start_recursive() {
  tether::go([] { recurse(3); });
}

// A loop three calls deep that checks the context the task was given, in a
// helper of its own: silent.
bool should_stop(tether::context &ctx) { return static_cast<bool>(ctx.err()); }
void careful_loop(tether::context ctx) {
  for (;;) {
    if (should_stop(ctx))
      return;
    served.fetch_add(1);
  }
}
void careful_middle(tether::context ctx) { careful_loop(ctx); }
void start_careful(tether::context ctx) {
  tether::go([ctx] { careful_middle(ctx); });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_server();
  // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
  report_loop_leaks();
}
#endif
