// Uber's NCastLeak: n tasks send on one unbuffered channel and the spawner
// takes the first answer; the other n - 1 senders block forever.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

int first_answer(int n) {
  auto ch = tether::make_chan<int>();
  for (int i = 0; i < n; ++i)
    // RUNTIME-COUNT-2: spawned at {{.*}}ncast-leak.cpp:[[@LINE+1]] in {{.*}}first_answer
    tether::go([=] { ch.send(i); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: send on 'ch' can block forever: tasks started in a loop send on it but it is received from only 1 time [tether-unbounded-channel-send]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: note: give the send a way out: 'ch.send(ctx, v)' or 'select(on_send(ch, v), on_done(ctx))'
  return *ch.recv();
}

int main() {
  first_answer(3);
  report_channel_leaks();
}
