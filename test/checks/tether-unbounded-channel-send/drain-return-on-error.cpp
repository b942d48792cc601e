// An RPC fan-out: three tasks each send one result, and the owner receives
// them in a loop bounded by the number of senders, but returns on the first
// error from inside the loop. The senders not yet received from block
// forever in their send.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

struct result {
  bool ok;
  int value;
};

result call_shard(int shard) { return {shard != 0, shard * 10}; }

int fan_out() {
  auto results = tether::make_chan<result>();
  for (int shard = 0; shard < 3; ++shard)
    // RUNTIME-COUNT-2: spawned at {{.*}}drain-return-on-error.cpp:[[@LINE+2]] in {{.*}}fan_out
    // RUNTIME: blocked at {{.*}}drain-return-on-error.cpp:[[@LINE+2]]
    tether::go("shard call", [=] {
      results.send(call_shard(shard));
    });
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    result r = *results.recv();
    if (!r.ok)
      return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'fan_out' can return before receiving from every sender of 'results'; the senders not yet received from block forever [tether-unbounded-channel-send]
    // CHECK-MESSAGES: :[[@LINE-9]]:5: note: 3 senders are started here
    // CHECK-MESSAGES: :[[@LINE-9]]:15: note: the send blocks here until its value is received
    // CHECK-MESSAGES: :[[@LINE-10]]:15: note: buffer the channel so that the send cannot block: 'make_chan<T>(3)'
    sum += r.value;
  }
  return sum;
}
// CHECK-FIXES: auto results = tether::make_chan<result>(3);

int main() {
  fan_out();
  report_channel_leaks();
}
