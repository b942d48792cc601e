// The consumer leaves its range-for on a sentinel value; the producer sends the sentinel.
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

void pipeline() {
  auto items = tether::make_chan<int>(4);
  tether::go([=] {
    for (int item : items)
      if (item < 0)
        break;
  });
  items.send(1);
  items.send(-1);
}
// RUNTIME: no leaks
int main() {
  pipeline(); tether::sleep(20ms);
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
