// The channel is stored in a struct: it escapes, someone else may receive.
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

struct pending {
  tether::chan<int> reply;
};
pending start() {
  auto reply = tether::make_chan<int>();
  tether::go([=] { reply.send(5); });
  pending p{reply};
  return p;
}
// RUNTIME: no leaks
int main() {
  auto p = start(); (void)p.reply.recv();
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
