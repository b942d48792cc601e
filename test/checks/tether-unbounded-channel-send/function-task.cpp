// The task body is a function defined in this translation unit that gets
// the channel as a parameter.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void worker(tether::chan<int> out, int x) {
  out.send(x * x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: send on 'results' can block forever: 'square' can return before receiving from it [tether-unbounded-channel-send]
}

int square(int x) {
  auto results = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
  // RUNTIME-NEXT: spawned at {{.*}}function-task.cpp:[[@LINE+1]] in {{.*}}square
  tether::go(worker, results, x);
  if (x < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'results'
  return *results.recv();
}
// CHECK-FIXES: auto results = tether::make_chan<int>(1);

int main() {
  square(-2);
  report_channel_leaks();
}
