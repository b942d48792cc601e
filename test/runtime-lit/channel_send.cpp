// Scenario 1 of the goroutine-leak chapter: a send that nobody receives. The
// sender is reported with its spawn and block sites, and it is definite: once
// shape() returns, no live party holds the channel. The fixed twin (a send
// that gives up with its context) reports nothing.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;

void shape() {
  auto ch = tether::make_chan<int>();
#ifndef FIXED
  tether::go("sender", [ch] { ch.send(42); });
  // CHECK: found 1 leaked task(s)
  // CHECK: task {{[0-9]+}} "sender" [blocked on chan<int> send, {{.*}}] [definite]
  // CHECK-NEXT: spawned at {{.*}}channel_send.cpp:[[@LINE-3]] in void shape()
  // CHECK-NEXT: blocked at {{.*}}channel_send.cpp:[[@LINE-4]] in {{.*}}shape(){{.*}}operator()
#else
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 50ms);
  tether::go("sender", [ch, ctx] { (void)ch.send(ctx, 42); });
  (void)ctx.done().recv();
  cancel();
  // FIXED: no leaks
  // FIXED-NOT: task
#endif
  tether::sleep(20ms);
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(300ms);
  shape();
  std::cout << tether::leak::verify_none(baseline);
}
