// The spawner receives in a loop as often as it started tasks: no count can be exceeded.
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

int sum(int n) {
  auto ch = tether::make_chan<int>();
  for (int i = 0; i < n; ++i)
    tether::go([=] { ch.send(i); });
  int total = 0;
  for (int i = 0; i < n; ++i)
    total += *ch.recv();
  return total;
}
// RUNTIME: no leaks
int main() {
  sum(4);
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
