// GoKer cockroach24808, fixed: the worker that receives is started first, and
// the send gives up when nobody is ready (upstream's `select` with `default`).
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
  tether::go("compactor.Start", [=] {
    tether::go("compactor.worker", [=] {
      for (;;)
        if (tether::select(tether::on_recv(stopper), tether::on_recv(compactor_ch)) == 0)
          return;
    });
    tether::select(tether::on_send(compactor_ch, 1), tether::on_default());
  });
  tether::sleep(10ms);
  stopper.close();
}
// RUNTIME: no leaks
int main() {
  cockroach24808(); tether::sleep(20ms);
  report_channel_leaks();
}
