// Uber's EarlyReturn, fixed: the channel has room for the one send, so the task finishes even when the spawner returns early.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int early_return(int request) {
  auto ch = tether::make_chan<int>(1);
  tether::go([=] { ch.send(request * 2); });
  if (request < 0)
    return -1;
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  early_return(-1);
  report_channel_leaks();
}
