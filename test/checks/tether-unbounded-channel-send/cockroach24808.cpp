// GoKer cockroach24808 (the compactor): Start sends on the compactor's
// unbuffered channel before it starts the worker that receives from it, so
// the send has no receiver and the task blocks for good.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void cockroach24808() {
  auto compactor_ch = tether::make_chan<int>();
  auto stopper = tether::make_chan<bool>();
  // RUNTIME: task {{[0-9]+}} "compactor.Start" [blocked on chan<int> send
  tether::go("compactor.Start", [=] {
    // RUNTIME-NEXT: spawned at {{.*}}cockroach24808.cpp:[[@LINE-1]] in {{.*}}cockroach24808
    compactor_ch.send(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: send on 'compactor_ch' blocks forever: its only receiver is started after the send [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}cockroach24808.cpp:[[@LINE-2]]
    tether::go("compactor.worker", [=] {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the receiving task is started here
      for (;;)
        if (tether::select(tether::on_recv(stopper), tether::on_recv(compactor_ch)) == 0)
          return;
    });
  });
}

int main() {
  cockroach24808();
  report_channel_leaks();
}
