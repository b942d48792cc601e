// A producer task closes the channel on every path; the consumer task ranges over it.
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
  auto items = tether::make_chan<int>();
  tether::go("producer", [=] {
    for (int i = 0; i < 3; ++i)
      items.send(i);
    items.close();
  });
  tether::go("consumer", [=] {
    for (int item : items)
      (void)item;
  });
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
