// A send written through a user macro is reported at the macro's use.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

#define REPORT(ch, v) (ch).send(v)

int check_status(bool quick) {
  auto status = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
  tether::go([=] { REPORT(status, 200); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: send on 'status' can block forever: 'check_status' can return before receiving from it [tether-unbounded-channel-send]
  // RUNTIME-NEXT: spawned at {{.*}}macro.cpp:[[@LINE-2]] in {{.*}}check_status
  // RUNTIME-NEXT: blocked at {{.*}}macro.cpp:[[@LINE-3]]
  if (quick)
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'status'
  return *status.recv();
}
// CHECK-FIXES: auto status = tether::make_chan<int>(1);

int main() {
  check_status(true);
  report_channel_leaks();
}
