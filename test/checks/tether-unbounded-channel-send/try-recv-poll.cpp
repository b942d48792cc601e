// The spawner polls with try_recv; the check cannot count those receives and stays silent.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int poll() {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(3); });
  for (;;) {
    auto got = ch.try_recv();
    if (got)
      return *got;
    tether::sleep(1ms);
  }
}
// RUNTIME: no leaks
int main() {
  poll();
  report_channel_leaks();
}
