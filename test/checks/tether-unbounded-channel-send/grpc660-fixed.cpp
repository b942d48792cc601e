// GoKer grpc660, fixed: each round's channel has room for its one send.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

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
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
