// A channel whose type depends on a template parameter in a template that is never instantiated: silent, no crash.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

template <class T> T first_of(T a, bool skip) {
  auto ch = tether::make_chan<T>();
  tether::go([=] { ch.send(a); });
  if (skip)
    return T{};
  return *ch.recv();
}
// RUNTIME: no leaks
int main() {
  (void)0;
  report_channel_leaks();
}
