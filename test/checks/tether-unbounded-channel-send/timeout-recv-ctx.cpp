// The spawner receives with the context overload, which gives up when the
// context is cancelled; the task's plain send is then stranded.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

int compute(const tether::context &ctx) {
  auto out = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}timeout-recv-ctx.cpp:[[@LINE-1]] in {{.*}}compute
    tether::sleep(20ms);
    out.send(7);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: send on 'out' can block forever: 'compute' waits for it in a select that can take another case and stop receiving [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}timeout-recv-ctx.cpp:[[@LINE-2]]
  });
  auto got = out.recv(ctx);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: note: if this case is taken first, nothing receives the value
  return got ? *got : -1;
}
// CHECK-FIXES: auto out = tether::make_chan<int>(1);

int main() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 1ms); compute(ctx); cancel();
  report_channel_leaks();
}
