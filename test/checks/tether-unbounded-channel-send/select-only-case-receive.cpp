// A select whose only case receives from the channel waits for it: the send is matched.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int answer() {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(4); });
  int v = 0;
  tether::select(tether::on_recv(ch, [&](std::optional<int> x) { v = *x; }));
  return v;
}
// RUNTIME: no leaks
int main() {
  answer();
  report_channel_leaks();
}
