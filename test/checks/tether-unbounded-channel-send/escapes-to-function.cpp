// The channel is passed to a function the check cannot see into: it may receive, so the check is silent.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void drain(tether::chan<int> ch) { (void)ch.recv(); }

int answer(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(1); });
  drain(ch);
  if (fail)
    return -1;
  return 0;
}
// RUNTIME: no leaks
int main() {
  answer(true);
  report_channel_leaks();
}
