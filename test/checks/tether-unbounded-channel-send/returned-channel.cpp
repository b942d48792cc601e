// The channel is returned: the caller receives from it.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

tether::chan<int> start() {
  auto reply = tether::make_chan<int>();
  tether::go([=] { reply.send(5); });
  return reply;
}
// RUNTIME: no leaks
int main() {
  auto reply = start(); (void)reply.recv();
  report_channel_leaks();
}
