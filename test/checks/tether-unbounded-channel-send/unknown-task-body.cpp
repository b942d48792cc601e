// The task body is a function the check cannot see into (declared here,
// defined in another translation unit): silent.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t
// RUN: %tether_cxx %s %S/Inputs/unknown_worker.cpp -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

void worker(tether::chan<int> out);

int run(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go(worker, ch);
  if (fail)
    return -1;
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  run(false);
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
