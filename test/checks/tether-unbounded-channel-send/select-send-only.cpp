// A select whose only case sends is as blocking as a plain send.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>
#include <string>

using namespace std::chrono_literals;

int first_line(bool skip) {
  auto line = tether::make_chan<std::string>();
  // RUNTIME: task {{[0-9]+}} [blocked on select
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}select-send-only.cpp:[[@LINE-1]] in {{.*}}first_line
    tether::select(tether::on_send(line, std::string("hello")));
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: send on 'line' can block forever: 'first_line' can return before receiving from it [tether-unbounded-channel-send]
  });
  if (skip)
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'line'
  return static_cast<int>(line.recv()->size());
}
// CHECK-FIXES: auto line = tether::make_chan<std::string>(1);

int main() {
  first_line(true);
  report_channel_leaks();
}
