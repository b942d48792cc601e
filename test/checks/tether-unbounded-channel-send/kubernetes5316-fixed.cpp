// GoKer kubernetes5316, fixed as upstream did: both channels have room for the one send.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int finish_request(std::chrono::milliseconds timeout) {
  auto ch = tether::make_chan<int>(1);
  auto err_ch = tether::make_chan<int>(1);
  tether::go([=] {
    tether::sleep(20ms);
    if (timeout.count() < 0)
      err_ch.send(-1);
    else
      ch.send(1);
  });
  int out = 0;
  tether::select(tether::on_recv(ch, [&](std::optional<int> o) { out = *o; }),
                 tether::on_recv(err_ch, [&](std::optional<int> e) { out = *e; }),
                 tether::on_recv(tether::after(timeout), [&] { out = -2; }));
  return out;
}
// RUNTIME: no leaks
int main() {
  finish_request(1ms); tether::sleep(40ms);
  report_channel_leaks();
}
