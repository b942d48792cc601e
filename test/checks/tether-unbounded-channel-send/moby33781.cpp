// GoKer moby33781 (the container monitor): each probe runs in a task that
// sends its result on an unbuffered channel made for the round; when the
// monitor is stopped mid-probe it returns on the stop case and the probe's
// send is stranded. The fix buffers the channel; the send is not the
// probe's last action here, so the check only explains the fix.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

// Lets the test stop the monitor while a probe is running (the race the
// kernel's test provokes with timing), so that the run is deterministic.
tether::chan<bool> probe_started = tether::make_chan<bool>(1);

bool probe() {
  (void)probe_started.try_send(true);
  tether::sleep(100ms);
  return true;
}

void monitor(tether::chan<bool> stop) {
  for (;;) {
    if (tether::select(tether::on_recv(stop), tether::on_recv(tether::after(1ms))) == 0)
      return;
    auto [ctx, cancel_probe] = tether::with_timeout(tether::background(), 1s);
    auto results = tether::make_chan<bool>();
    // RUNTIME: task {{[0-9]+}} "probe" [blocked on chan<bool> send
    tether::go("probe", [=] {
      // RUNTIME-NEXT: spawned at {{.*}}moby33781.cpp:[[@LINE-1]] in {{.*}}monitor
      results.send(probe());
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: send on 'results' can block forever: 'monitor' waits for it in a select that can take another case and stop receiving [tether-unbounded-channel-send]
      // RUNTIME-NEXT: blocked at {{.*}}moby33781.cpp:[[@LINE-2]]
      results.close();
    });
    const int taken = tether::select(tether::on_recv(stop),
                                     tether::on_recv(results),
                                     tether::on_done(ctx));
    // CHECK-MESSAGES: :[[@LINE-1]]:38: note: if this case is taken first, nothing receives the value
    cancel_probe();
    if (taken == 0)
      return;
  }
}

void moby33781() {
  auto stop = tether::make_chan<bool>();
  tether::go([=] {
    (void)probe_started.recv();
    stop.close();
  });
  monitor(stop);
}

int main() {
  moby33781();
  report_channel_leaks();
}
