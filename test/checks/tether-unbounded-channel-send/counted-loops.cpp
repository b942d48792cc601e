// Counted loops on both sides: three sends and three receives match (silent);
// four sends for three receives strand the last sender.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

int matched() {
  auto ch = tether::make_chan<int>();
  tether::go([ch] {
    for (int i = 0; i < 3; ++i)
      ch.send(i);
  });
  int total = 0;
  for (int i = 0; i < 3; ++i)
    total += ch.recv().value_or(0);
  return total;
}

int one_too_many() {
  auto ch = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} "counter" [blocked on chan<int> send
  tether::go("counter", [ch] {
    // RUNTIME-NEXT: spawned at {{.*}}counted-loops.cpp:[[@LINE-1]] in {{.*}}one_too_many
    for (int i = 0; i < 4; ++i)
      ch.send(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: send on 'ch' can block forever: 4 sends can happen but it is received from only 3 times [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}counted-loops.cpp:[[@LINE-2]]
  });
  int total = 0;
  for (int i = 0; i < 3; ++i)
    total += ch.recv().value_or(0);
  return total;
}

int main() {
  matched();
  one_too_many();
  report_channel_leaks();
}
