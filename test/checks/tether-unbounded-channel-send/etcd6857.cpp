// GoKer etcd6857 (raft node): the node's run task serves status requests
// until it is stopped; a Status call that comes after the stop sends its
// request on the unbuffered status channel and nothing receives it.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void etcd6857() {
  auto status = tether::make_chan<tether::chan<int>>();
  auto stop = tether::make_chan<bool>();
  tether::go("node.run", [=] {
    for (;;) {
      const int taken = tether::select(
          tether::on_recv(status, [](std::optional<tether::chan<int>> reply) {
            reply->send(1);
          }),
          tether::on_recv(stop));
      if (taken == 1)
        return;
    }
  });
  tether::go("node.stop", [=] { stop.close(); });
  // RUNTIME: task {{[0-9]+}} "node.status" [blocked on chan<{{.*}}> send
  tether::go("node.status", [=] {
    // RUNTIME-NEXT: spawned at {{.*}}etcd6857.cpp:[[@LINE-1]] in {{.*}}etcd6857
    tether::sleep(20ms);
    auto reply = tether::make_chan<int>();
    status.send(reply);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: send on 'status' can block forever: the task that receives from it can take another case of its select and stop receiving [tether-unbounded-channel-send]
      // CHECK-MESSAGES: :[[@LINE-13]]:11: note: if this case is taken first, nothing receives the value
    // RUNTIME-NEXT: blocked at {{.*}}etcd6857.cpp:[[@LINE-3]]
    (void)reply.recv();
  });
}

int main() {
  etcd6857();
  report_channel_leaks();
}
