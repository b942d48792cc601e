// The channel is stored in a struct: it escapes, someone else may receive.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

struct pending {
  tether::chan<int> reply;
};
pending start() {
  auto reply = tether::make_chan<int>();
  tether::go([=] { reply.send(5); });
  pending p{reply};
  return p;
}
// RUNTIME: no leaks
int main() {
  auto p = start(); (void)p.reply.recv();
  report_channel_leaks();
}
