// Uber's Timeout, fixed: a buffer of one lets the late send complete.
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
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
