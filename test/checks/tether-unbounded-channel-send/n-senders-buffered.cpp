// Three senders, one receive, and a buffer of two: every send completes.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int first() {
  auto ch = tether::make_chan<int>(2);
  for (int i = 0; i < 3; ++i)
    tether::go([=] { ch.send(i); });
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  first(); tether::sleep(20ms);
  report_channel_leaks();
}
