// Uber's NCastLeak, fixed: the channel is buffered for all n senders.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int first_answer(int n) {
  auto ch = tether::make_chan<int>(n);
  for (int i = 0; i < n; ++i)
    tether::go([=] { ch.send(i); });
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  first_answer(3); tether::sleep(20ms);
  report_channel_leaks();
}
