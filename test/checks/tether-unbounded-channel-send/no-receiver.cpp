// A local channel that never escapes and that nothing receives from: the
// task's send can never complete.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

void fire_and_forget() {
  auto progress = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send, {{.*}}] [definite]
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}no-receiver.cpp:[[@LINE-1]] in {{.*}}fire_and_forget
    progress.send(100);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: send on 'progress' blocks forever: nothing receives from it [tether-unbounded-channel-send]
    // CHECK-MESSAGES: :[[@LINE-6]]:8: note: 'progress' is made here and never received from
    // RUNTIME-NEXT: blocked at {{.*}}no-receiver.cpp:[[@LINE-3]]
  });
}
// CHECK-FIXES: auto progress = tether::make_chan<int>(1);

int main() {
  fire_and_forget();
  report_channel_leaks();
}
