// Three senders and three receives: every send is matched.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int sum() {
  auto ch = tether::make_chan<int>();
  for (int i = 0; i < 3; ++i)
    tether::go([=] { ch.send(i); });
  int total = 0;
  for (int i = 0; i < 3; ++i)
    total += *ch.recv();
  return total;
}
// RUNTIME: no leaks
int main() {
  sum();
  report_channel_leaks();
}
