// The channel is returned: the caller receives from it.
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

tether::chan<int> start() {
  auto reply = tether::make_chan<int>();
  tether::go([=] { reply.send(5); });
  return reply;
}
// RUNTIME: no leaks
int main() {
  auto reply = start(); (void)reply.recv();
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
