// The task sends in a select with a done case: it gives up when the context is cancelled.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void produce(const tether::context &ctx, bool quit_early) {
  auto out = tether::make_chan<int>();
  tether::go([=] { tether::select(tether::on_send(out, 1), tether::on_done(ctx)); });
  if (quit_early)
    return;
  (void)out.recv();
}
// RUNTIME: no leaks
int main() {
  auto [ctx, cancel] = tether::with_cancel(tether::background()); produce(ctx, true); cancel(); tether::sleep(20ms);
  report_channel_leaks();
}
