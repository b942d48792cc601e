// Uber's Timeout, fixed: a buffer of one lets the late send complete.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int with_timeout() {
  auto done = tether::make_chan<int>(1);
  tether::go([=] {
    tether::sleep(20ms);
    done.send(1);
  });
  int result = -1;
  tether::select(tether::on_recv(done, [&](std::optional<int> v) { result = *v; }),
                 tether::on_recv(tether::after(1ms)));
  return result;
}
// RUNTIME: no leaks
int main() {
  with_timeout(); tether::sleep(40ms);
  report_channel_leaks();
}
