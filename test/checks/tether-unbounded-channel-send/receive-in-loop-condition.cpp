// A receiver task whose loop receives in its condition
// (`while (auto v = ch.recv())`) receives on every iteration, as often as the
// sender sends: the ping-pong shape is silent.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

void ping_pong(int rounds) {
  auto ping = tether::make_chan<int>();
  auto pong = tether::make_chan<int>();
  tether::wait_group players;
  players.go([ping, pong, rounds] {
    for (int i = 0; i < rounds; ++i) {
      ping.send(i);
      (void)pong.recv();
    }
    ping.close();
  });
  players.go([ping, pong] {
    while (auto v = ping.recv())
      pong.send(*v);
  });
  players.wait();
}
// RUNTIME: no leaks
int main() {
  ping_pong(100);
  report_channel_leaks();
}
