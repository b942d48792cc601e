// Three senders and three receives: every send is matched.
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

int sum() {
  auto ch = tether::make_chan<int>();
  for (int i = 0; i < 3; ++i)
    tether::go([=] { ch.send(i); });
  int total = 0;
  for (int i = 0; i < 3; ++i)
    total += *ch.recv();
  return total;
}
// RUNTIME: no leaks
int main() {
  sum();
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
