// Uber's DoubleSend, fixed: the task returns after reporting the error.
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

bool step_fails() { return true; }

int run_step() {
  auto errc = tether::make_chan<int>();
  tether::go([=] {
    if (step_fails()) {
      errc.send(1);
      return;
    }
    errc.send(0);
  });
  return *errc.recv();
}
// RUNTIME: no leaks
int main() {
  run_step();
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
