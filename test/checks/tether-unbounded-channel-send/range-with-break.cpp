// The consumer leaves its range-for on a sentinel value; the producer sends the sentinel.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void pipeline() {
  auto items = tether::make_chan<int>(4);
  tether::go([=] {
    for (int item : items)
      if (item < 0)
        break;
  });
  items.send(1);
  items.send(-1);
}
// RUNTIME: no leaks
int main() {
  pipeline(); tether::sleep(20ms);
  report_channel_leaks();
}
