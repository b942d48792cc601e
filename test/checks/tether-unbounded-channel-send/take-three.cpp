// The leaky producer-consumer of the goroutine-leak chapter's "safe channels"
// section: a producer sends in a loop with no end, the consumer takes three
// values and leaves; the fourth send blocks forever.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

int take_three() {
  auto items = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} "producer" [blocked on chan<int> send
  tether::go("producer", [items] {
    // RUNTIME-NEXT: spawned at {{.*}}take-three.cpp:[[@LINE-1]] in {{.*}}take_three
    for (int i = 1;; ++i)
      items.send(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: send on 'items' can block forever: a task sends on it in a loop but it is received from only 3 times [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}take-three.cpp:[[@LINE-2]]
  });
  int total = 0;
  for (int i = 0; i < 3; ++i)
    total += items.recv().value_or(0);
  return total;
}

int main() {
  take_three();
  report_channel_leaks();
}
