// The spawner polls with try_recv; the check cannot count those receives and stays silent.
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

int poll() {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(3); });
  for (;;) {
    auto got = ch.try_recv();
    if (got)
      return *got;
    tether::sleep(1ms);
  }
}
// RUNTIME: no leaks
int main() {
  poll();
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
