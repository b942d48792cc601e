// GoKer grpc660 (benchmark client): each round starts a task that reports
// on a fresh unbuffered channel; the loop's select also watches the stop
// channel, and when stop wins the round's task is stranded.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void unary_call() { tether::sleep(60ms); }

void close_loop_unary(tether::chan<bool> stop) {
  for (;;) {
    auto done = tether::make_chan<bool>();
    // RUNTIME: task {{[0-9]+}} [blocked on chan<bool> send
    tether::go([=] {
      // RUNTIME-NEXT: spawned at {{.*}}grpc660.cpp:[[@LINE-1]] in {{.*}}close_loop_unary
      unary_call();
      done.send(true);
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: send on 'done' can block forever: 'close_loop_unary' waits for it in a select that can take another case and stop receiving [tether-unbounded-channel-send]
      // RUNTIME-NEXT: blocked at {{.*}}grpc660.cpp:[[@LINE-2]]
    });
    if (tether::select(tether::on_recv(stop), tether::on_recv(done)) == 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:24: note: if this case is taken first, nothing receives the value
      return;
  }
}

void grpc660() {
  auto stop = tether::make_chan<bool>();
  tether::go([=] {
    tether::sleep(5ms);
    stop.close();
  });
  close_loop_unary(stop);
}

int main() {
  grpc660();
  report_channel_leaks();
}
