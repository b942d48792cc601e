// The spawner receives in a loop as often as it started tasks: no count can be exceeded.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int sum(int n) {
  auto ch = tether::make_chan<int>();
  for (int i = 0; i < n; ++i)
    tether::go([=] { ch.send(i); });
  int total = 0;
  for (int i = 0; i < n; ++i)
    total += *ch.recv();
  return total;
}
// RUNTIME: no leaks
int main() {
  sum(4);
  report_channel_leaks();
}
