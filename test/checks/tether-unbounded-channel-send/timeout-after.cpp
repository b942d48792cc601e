// Uber's Timeout: the spawner waits for the answer in a select that also
// waits for a timer; when the timer wins, the task's send has no receiver.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int slow_query() {
  tether::sleep(50ms);
  return 42;
}

int with_timeout() {
  auto done = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}timeout-after.cpp:[[@LINE-1]] in {{.*}}with_timeout
    done.send(slow_query());
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: send on 'done' can block forever: 'with_timeout' waits for it in a select that can take another case and stop receiving [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}timeout-after.cpp:[[@LINE-2]]
  });
  int result = -1;
  tether::select(tether::on_recv(done, [&](std::optional<int> v) { result = *v; }),
                 tether::on_recv(tether::after(5ms)));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: note: if this case is taken first, nothing receives the value
  return result;
}
// CHECK-FIXES: auto done = tether::make_chan<int>(1);

int main() {
  with_timeout();
  report_channel_leaks();
}
