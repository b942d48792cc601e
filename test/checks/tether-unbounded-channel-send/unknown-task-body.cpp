// The task body is a function the check cannot see into (declared here,
// defined in another translation unit): silent.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s %S/Inputs/unknown_worker.cpp -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void worker(tether::chan<int> out);

int run(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go(worker, ch);
  if (fail)
    return -1;
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  run(false);
  report_channel_leaks();
}
