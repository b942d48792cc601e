// GoKer kubernetes25331, fixed as upstream did: sendError selects on the context as well.
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
  tether::go("watch.sendError", [=] {
    tether::sleep(10ms);
    tether::select(tether::on_send(err_chan, 42), tether::on_done(ctx));
  });
  cancel();
}
// RUNTIME: no leaks
int main() {
  kubernetes25331(); tether::sleep(30ms);
  report_channel_leaks();
}
