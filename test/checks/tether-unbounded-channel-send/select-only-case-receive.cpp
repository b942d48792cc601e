// A select whose only case receives from the channel waits for it: the send is matched.
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

int answer() {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(4); });
  int v = 0;
  tether::select(tether::on_recv(ch, [&](std::optional<int> x) { v = *x; }));
  return v;
}
// RUNTIME: no leaks
int main() {
  answer();
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
