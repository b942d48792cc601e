// The spawner receives on every path, including the error path.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int answer(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(42); });
  if (fail) {
    (void)ch.recv();
    return -1;
  }
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  answer(true); answer(false);
  report_channel_leaks();
}
