// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Scenario 2 of the goroutine-leak chapter ("infinite loop"): the loop's only
// exit condition is a plain bool the spawner shares by reference and forgets
// to clear. Reading it while another thread writes it is a data race, and the
// compiler may hoist the read out of the loop.
#include <tether/tether.hpp>

#include <cstdio>

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
#endif

using namespace std::chrono_literals;

void demonstrate_infinite_loop_leak() {
  bool running = true;
  tether::go([&running] {
    // The task sleeps between rounds, so at run time it is a leaked task
    // (still alive at verify time) rather than a busy loop.
    // RUNTIME: task {{[0-9]+}} [{{sleeping|running}}, {{.*}}]
    // RUNTIME-NEXT: spawned at {{.*}}seed-infinite-loop.cpp:[[@LINE-4]]
    while (running) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop's only exit condition 'running' is a plain bool shared with another thread: a data race, and the compiler may hoist the read so that the loop never stops [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:12: note: make 'running' a 'std::atomic<bool>', or stop the task with a 'std::stop_token' or a context
      // CHECK-MESSAGES: :[[@LINE-8]]:3: note: task spawned here
      std::fputs(".", stderr);
      tether::sleep(10ms);
    }
    std::fputs("\ninfinite loop task exited\n", stderr);
  });
  tether::sleep(100ms);
  // Forgot `running = false`: the task never leaves its loop.
#ifdef RUNTIME_TWIN
  report_loop_leaks(); // while `running` is still alive
#endif
}

#ifdef RUNTIME_TWIN
int main() { demonstrate_infinite_loop_leak(); }
#endif
