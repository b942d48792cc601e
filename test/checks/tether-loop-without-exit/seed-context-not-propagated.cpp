// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Scenario 4 of the goroutine-leak chapter ("context not propagated"): the
// caller has a context with a timeout, but the worker it starts is given
// none, so its loop runs on after the context is done.
#include <tether/tether.hpp>

#include <atomic>

using namespace std::chrono_literals;

std::atomic<long> work_done;

void start_worker_without_context() {
  tether::go([] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}} without blocking or checking its context] [possible loop]
    // RUNTIME-NEXT: spawned at {{.*}}seed-context-not-propagated.cpp:[[@LINE-2]]
    for (;;) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:5: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
      work_done.fetch_add(1); // a working loop with no way out
    }
  });
}

void demonstrate_context_leak() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 100ms);
  start_worker_without_context();
  (void)ctx.done().recv(); // the timeout passes; the worker does not notice
  cancel();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  demonstrate_context_leak();
  report_loop_leaks();
}
#endif
