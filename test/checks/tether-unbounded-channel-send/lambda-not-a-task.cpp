// The channel is captured by a lambda that is not a task body: the check cannot follow it.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int answer(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(9); });
  auto receive = [&] { return *ch.recv(); };
  if (fail)
    return receive();
  return receive() + 1;
}
// RUNTIME: no leaks
int main() {
  answer(true);
  report_channel_leaks();
}
