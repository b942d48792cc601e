// RUN: %check_tether %s tether-unstopped-ticker %t -- -- -I%S
// RUN: %tether_cxx -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// tick() in main (outside a loop) lives as long as the program: that is
// what it is for, as SA1015 allows in Go.
#include <tether/tether.hpp>

#include "../Inputs/leak_report.hpp"

using namespace std::chrono_literals;

int main() {
  auto ticks = tether::tick(10ms);
  tether::go("reader", [ticks] {
    for (;;)
      (void)ticks.recv();
  });
  // RUNTIME: tether: no leaks
  report_ticker_leaks({"reader"});
}
