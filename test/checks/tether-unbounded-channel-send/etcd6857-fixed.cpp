// GoKer etcd6857, fixed as upstream did: Status selects on the stop channel as well.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void etcd6857() {
  auto status = tether::make_chan<int>();
  auto stop = tether::make_chan<bool>();
  tether::go("node.run", [=] {
    for (;;)
      if (tether::select(tether::on_recv(status), tether::on_recv(stop)) == 1)
        return;
  });
  tether::go("node.stop", [=] { stop.close(); });
  tether::go("node.status", [=] {
    tether::sleep(10ms);
    tether::select(tether::on_send(status, 1), tether::on_recv(stop));
  });
}
// RUNTIME: no leaks
int main() {
  etcd6857(); tether::sleep(30ms);
  report_channel_leaks();
}
