// Two tasks started at two sites send on one channel; the spawner takes one
// answer. Either sender can be the one left behind.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

int from_cache() { return 1; }
int from_disk() { return 2; }

int lookup() {
  auto result = tether::make_chan<int>();
  tether::go("cache", [=] { result.send(from_cache()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: send on 'result' can block forever: 2 sends can happen but it is received from only 1 time [tether-unbounded-channel-send]
  tether::go("disk", [=] { result.send(from_disk()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:35: note: another task sends on 'result' here
  return *result.recv();
}
// CHECK-FIXES: auto result = tether::make_chan<int>(2);
// RUNTIME: task {{[0-9]+}} "{{cache|disk}}" [blocked on chan<int> send
// RUNTIME-NEXT: spawned at {{.*}}n-senders-distinct.cpp:{{1[46]}} in {{.*}}lookup
// RUNTIME-NEXT: blocked at {{.*}}n-senders-distinct.cpp:{{1[46]}}

int main() {
  lookup();
  report_channel_leaks();
}
