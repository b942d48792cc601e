// GoKer grpc660, fixed: each round's channel has room for its one send.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void close_loop_unary(tether::chan<bool> stop) {
  for (;;) {
    auto done = tether::make_chan<bool>(1);
    tether::go([=] {
      tether::sleep(5ms);
      done.send(true);
    });
    if (tether::select(tether::on_recv(stop), tether::on_recv(done)) == 0)
      return;
  }
}

void grpc660() {
  auto stop = tether::make_chan<bool>();
  tether::go([=] {
    tether::sleep(12ms);
    stop.close();
  });
  close_loop_unary(stop);
}
// RUNTIME: no leaks
int main() {
  grpc660(); tether::sleep(30ms);
  report_channel_leaks();
}
