// Uber's DoubleSend, fixed: the task returns after reporting the error.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

bool step_fails() { return true; }

int run_step() {
  auto errc = tether::make_chan<int>();
  tether::go([=] {
    if (step_fails()) {
      errc.send(1);
      return;
    }
    errc.send(0);
  });
  return *errc.recv();
}
// RUNTIME: no leaks
int main() {
  run_step();
  report_channel_leaks();
}
