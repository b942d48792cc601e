// A select whose other case receives from a local channel that nothing sends
// to, closes, or passes on: that case can never win, so the receive is as
// good as a plain one. Silent. The same select with a channel another task
// can send on is reported (timeout-*.cpp).
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

int first_answer() {
  auto answers = tether::make_chan<int>();
  auto never = tether::make_chan<int>();
  tether::go([answers] { answers.send(42); });
  int got = 0;
  tether::select(tether::on_recv(never, [&](int v) { got = -v; }),
                 tether::on_recv(answers, [&](int v) { got = v; }));
  return got;
}
// RUNTIME: no leaks
int main() {
  first_answer();
  report_channel_leaks();
}
