// The spawner gives up waiting when its context is cancelled (Go's
// `case <-ctx.Done()`); the task's send is stranded.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

std::string fetch(const tether::context &ctx) {
  auto answer = tether::make_chan<std::string>();
  // RUNTIME: task {{[0-9]+}} "fetcher" [blocked on chan<{{.*}}> send
  tether::go("fetcher", [=] {
    // RUNTIME-NEXT: spawned at {{.*}}timeout-done.cpp:[[@LINE-1]] in {{.*}}fetch
    tether::sleep(30ms);
    answer.send("page");
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: send on 'answer' can block forever: 'fetch' waits for it in a select that can take another case and stop receiving [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}timeout-done.cpp:[[@LINE-2]]
  });
  std::string page;
  if (tether::select(tether::on_recv(answer, [&](auto v) { page = *v; }),
                     tether::on_done(ctx)) == 1)
    // CHECK-MESSAGES: :[[@LINE-1]]:22: note: if this case is taken first, nothing receives the value
    return "cancelled";
  return page;
}
// CHECK-FIXES: auto answer = tether::make_chan<std::string>(1);

int main() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  cancel();
  fetch(ctx);
  report_channel_leaks();
}
