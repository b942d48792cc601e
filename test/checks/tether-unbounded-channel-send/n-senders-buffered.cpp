// Three senders, one receive, and a buffer of two: every send completes.
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

int first() {
  auto ch = tether::make_chan<int>(2);
  for (int i = 0; i < 3; ++i)
    tether::go([=] { ch.send(i); });
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  first(); tether::sleep(20ms);
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
