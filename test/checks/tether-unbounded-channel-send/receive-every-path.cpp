// The spawner receives on every path, including the error path.
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

int answer(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(42); });
  if (fail) {
    (void)ch.recv();
    return -1;
  }
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  answer(true); answer(false);
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
