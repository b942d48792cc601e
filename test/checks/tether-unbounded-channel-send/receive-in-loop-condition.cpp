// A receiver task whose loop receives in its condition
// (`while (auto v = ch.recv())`) receives on every iteration, as often as the
// sender sends: the ping-pong shape is silent.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>

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
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
