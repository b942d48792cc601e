// Uber's EarlyReturn: the spawner returns on an error path before it
// receives, and the task's send has no receiver any more.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

bool validate(int request) { return request > 0; }
int compute(int request) { return request * 2; }

int early_return(int request) {
  auto ch = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} "early-return worker" [blocked on chan<int> send
  tether::go("early-return worker", [=] {
    // RUNTIME-NEXT: spawned at {{.*}}early-return.cpp:[[@LINE-1]] in {{.*}}early_return
    ch.send(compute(request));
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: send on 'ch' can block forever: 'early_return' can return before receiving from it [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}early-return.cpp:[[@LINE-2]]
  });
  if (!validate(request))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'ch'
  return *ch.recv();
}
// CHECK-FIXES: auto ch = tether::make_chan<int>(1);

int main() {
  early_return(-1);
  report_channel_leaks();
}
