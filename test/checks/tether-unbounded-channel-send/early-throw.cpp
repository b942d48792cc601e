// The spawner throws before it receives: the task's send is stranded.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>
#include <string>

using namespace std::chrono_literals;
#include <stdexcept>

int parse(const std::string &text) {
  auto parsed = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}early-throw.cpp:[[@LINE-1]] in {{.*}}parse
    parsed.send(static_cast<int>(text.size()));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: send on 'parsed' can block forever: 'parse' can throw before receiving from it [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}early-throw.cpp:[[@LINE-2]]
  });
  if (text.empty())
    throw std::invalid_argument("empty");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: throws here without receiving from 'parsed'
  return *parsed.recv();
}
// CHECK-FIXES: auto parsed = tether::make_chan<int>(1);

int main() {
  try { parse(""); } catch (const std::exception &) {}
  report_channel_leaks();
}
