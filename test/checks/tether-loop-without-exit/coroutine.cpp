// RUN: %check_tether %s tether-loop-without-exit %t -- -- -I%S
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A coroutine task body: a loop that never suspends and never leaves is as
// stuck as in a plain function. (A loop that suspends can be abandoned: see
// ok-coroutine-suspends.cpp.)
#include <tether/tether.hpp>

#include "Inputs/coroutine.hpp"

#include <atomic>

std::atomic<long> frames;

fire_and_forget render() {
  co_await std::suspend_never{};
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    frames.fetch_add(1);
  }
}

void start_renderer() {
  // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
  // RUNTIME-NEXT: spawned at {{.*}}coroutine.cpp:[[@LINE+1]]
  tether::go{render}; // braces: `go(f);` would declare a variable
}

void start_lambda_renderer() {
  tether::go([]() -> fire_and_forget {
    co_await std::suspend_never{};
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      frames.fetch_add(1);
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_renderer();
  report_loop_leaks();
}
#endif
