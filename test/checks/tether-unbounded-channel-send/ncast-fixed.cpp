// Uber's NCastLeak, fixed: the channel is buffered for all n senders.
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

int first_answer(int n) {
  auto ch = tether::make_chan<int>(n);
  for (int i = 0; i < n; ++i)
    tether::go([=] { ch.send(i); });
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  first_answer(3); tether::sleep(20ms);
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
