// The only receiver is another task that can return before it receives:
// the sending task is then stranded.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

bool cache_hit() { return true; }

void fan() {
  auto values = tether::make_chan<int>();
  tether::go("reader", [=] {
    if (cache_hit())
      return;
    (void)values.recv();
  });
  // RUNTIME: task {{[0-9]+}} "writer" [blocked on chan<int> send
  tether::go("writer", [=] {
    // RUNTIME-NEXT: spawned at {{.*}}receiver-task-returns.cpp:[[@LINE-1]] in {{.*}}fan
    values.send(5);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: send on 'values' can block forever: the task that receives from it can return before receiving [tether-unbounded-channel-send]
    // CHECK-MESSAGES: :[[@LINE-8]]:7: note: returns here without receiving from 'values'
    // RUNTIME-NEXT: blocked at {{.*}}receiver-task-returns.cpp:[[@LINE-3]]
  });
}
// CHECK-FIXES: auto values = tether::make_chan<int>(1);

int main() {
  fan();
  report_channel_leaks();
}
