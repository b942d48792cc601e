// The receive happens in a scope guard that runs on every exit, so no path strands the task.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

template <class F> struct scope_exit {
  F f;
  ~scope_exit() { f(); }
};
template <class F> scope_exit(F) -> scope_exit<F>;

int answer(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(7); });
  int value = 0;
  scope_exit guard{[&] { value = *ch.recv(); }};
  if (fail)
    return -1;
  return value;
}
// RUNTIME: no leaks
int main() {
  answer(true);
  report_channel_leaks();
}
