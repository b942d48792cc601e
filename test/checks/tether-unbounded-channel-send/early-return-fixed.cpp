// Uber's EarlyReturn, fixed: the channel has room for the one send, so the task finishes even when the spawner returns early.
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

int early_return(int request) {
  auto ch = tether::make_chan<int>(1);
  tether::go([=] { ch.send(request * 2); });
  if (request < 0)
    return -1;
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  early_return(-1);
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
