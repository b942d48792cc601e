// Three tasks send on an unbuffered channel, the spawner receives once: two
// senders are stranded. The fix-it buffers the channel for all three.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

int query(int replica) { return replica * 10; }

int fastest_replica() {
  auto answers = tether::make_chan<int>();
  for (int replica = 0; replica < 3; ++replica)
    tether::go([=] { answers.send(query(replica)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: send on 'answers' can block forever: 3 sends can happen but it is received from only 1 time [tether-unbounded-channel-send]
  // RUNTIME-COUNT-2: blocked at {{.*}}n-senders-constant.cpp:[[@LINE-2]]
  return *answers.recv();
}
// CHECK-FIXES: auto answers = tether::make_chan<int>(3);

int main() {
  fastest_replica();
  report_channel_leaks();
}
