// A producer task closes the channel on every path; the consumer task ranges over it.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void pipeline() {
  auto items = tether::make_chan<int>();
  tether::go("producer", [=] {
    for (int i = 0; i < 3; ++i)
      items.send(i);
    items.close();
  });
  tether::go("consumer", [=] {
    for (int item : items)
      (void)item;
  });
}
// RUNTIME: no leaks
int main() {
  pipeline(); tether::sleep(20ms);
  report_channel_leaks();
}
