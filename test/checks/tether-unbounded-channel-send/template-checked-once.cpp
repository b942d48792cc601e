// A function template: the channel is analysed in its instantiations (the
// pattern is dependent) and the send is reported once, not per instantiation.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

template <class F> int run_with_deadline(F f, bool give_up) {
  auto done = tether::make_chan<int>();
  // RUNTIME-COUNT-2: task {{[0-9]+}} [blocked on chan<int> send
  tether::go([=] { done.send(f()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: send on 'done' can block forever: 'run_with_deadline' can return before receiving from it [tether-unbounded-channel-send]
  if (give_up)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'done'
  return *done.recv();
}
// CHECK-FIXES: auto done = tether::make_chan<int>(1);

int one() { return 1; }
int two() { return 2; }

int main() {
  run_with_deadline(one, true); run_with_deadline(two, true); run_with_deadline([] { return 3; }, false);
  report_channel_leaks();
}
