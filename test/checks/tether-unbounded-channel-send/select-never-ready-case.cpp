// A select whose other case receives from a local channel that nothing sends
// to, closes, or passes on: that case can never win, so the receive is as
// good as a plain one. Silent. The same select with a channel another task
// can send on is reported (timeout-*.cpp).
//
// RUN: %check_tether %s tether-unbounded-channel-send %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>

int first_answer() {
  auto answers = tether::make_chan<int>();
  auto never = tether::make_chan<int>();
  tether::go([answers] { answers.send(42); });
  int got = 0;
  tether::select(tether::on_recv(never, [&](int v) { got = -v; }),
                 tether::on_recv(answers, [&](int v) { got = v; }));
  return got;
}
// RUNTIME: no leaks
int main() {
  first_answer();
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
