// GoKer kubernetes25331 (watchChan): sendError sends on the unbuffered
// error channel while run, the only receiver, also waits for the context;
// once the watcher is stopped run returns and the error send is stranded.
// The upstream fix selects on ctx.Done() in sendError.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void kubernetes25331() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto err_chan = tether::make_chan<int>();
  tether::go("watch.run", [=] {
    tether::select(tether::on_recv(err_chan), tether::on_done(ctx));
  });
  // RUNTIME: task {{[0-9]+}} "watch.sendError" [blocked on chan<int> send
  tether::go("watch.sendError", [=] {
    // RUNTIME-NEXT: spawned at {{.*}}kubernetes25331.cpp:[[@LINE-1]] in {{.*}}kubernetes25331
    tether::sleep(20ms);
    err_chan.send(42);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: send on 'err_chan' can block forever: the task that receives from it can take another case of its select and stop receiving [tether-unbounded-channel-send]
    // CHECK-MESSAGES: :[[@LINE-8]]:47: note: if this case is taken first, nothing receives the value
    // RUNTIME-NEXT: blocked at {{.*}}kubernetes25331.cpp:[[@LINE-3]]
  });
  cancel(); // watch.Stop()
}
// CHECK-FIXES: auto err_chan = tether::make_chan<int>(1);

int main() {
  kubernetes25331();
  report_channel_leaks();
}
