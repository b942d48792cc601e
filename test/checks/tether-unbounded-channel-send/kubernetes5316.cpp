// GoKer kubernetes5316 (finishRequest): the task reports its result or its
// error on one of two unbuffered channels; the spawner's select also waits
// for a timeout, and when the timeout wins neither send has a receiver.
// The fix (upstream's too) buffers both channels.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

struct object {
  int value = 0;
};
struct result {
  object obj;
  int error = 0;
};

result run_request() {
  tether::sleep(30ms);
  return {object{1}, 0};
}

result finish_request(std::chrono::milliseconds timeout) {
  auto ch = tether::make_chan<object>();
  auto err_ch = tether::make_chan<int>();
  // RUNTIME: task {{[0-9]+}} [blocked on chan<object> send
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}kubernetes5316.cpp:[[@LINE-1]] in {{.*}}finish_request
    result r = run_request();
    if (r.error != 0)
      err_ch.send(r.error);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: send on 'err_ch' can block forever: 'finish_request' waits for it in a select that can take another case and stop receiving [tether-unbounded-channel-send]
    // CHECK-MESSAGES: :[[@LINE+10]]:7: note: if this case is taken first, nothing receives the value
    else
      ch.send(r.obj);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: send on 'ch' can block forever: 'finish_request' waits for it in a select that can take another case and stop receiving [tether-unbounded-channel-send]
    // RUNTIME-NEXT: blocked at {{.*}}kubernetes5316.cpp:[[@LINE-2]]
  });
  result out;
  tether::select(
      tether::on_recv(ch, [&](std::optional<object> o) { out.obj = *o; }),
      tether::on_recv(err_ch, [&](std::optional<int> e) { out.error = *e; }),
      tether::on_recv(tether::after(timeout), [&] { out.error = -1; }));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: if this case is taken first, nothing receives the value
  return out;
}
// CHECK-FIXES: auto ch = tether::make_chan<object>(1);
// CHECK-FIXES-NEXT: auto err_ch = tether::make_chan<int>(1);

int main() {
  finish_request(5ms);
  report_channel_leaks();
}
