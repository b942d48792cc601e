// Uber's DoubleSend: on the error path the task sends and does not return,
// so it sends again; the spawner takes one value.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

bool step_fails() { return true; }

int run_step() {
  auto errc = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}double-send.cpp:[[@LINE-1]] in {{.*}}run_step
    if (step_fails()) {
      errc.send(1);
    }
    errc.send(0);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: second send on 'errc' on one path blocks forever: it is received from only 1 time [tether-unbounded-channel-send]
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: the first send does not end the task; return after it
    // RUNTIME-NEXT: blocked at {{.*}}double-send.cpp:[[@LINE-3]]
  });
  return *errc.recv();
}

int main() {
  run_step();
  report_channel_leaks();
}
