// Scenario 4 of the goroutine-leak chapter: the worker is not given the
// caller's context, so it keeps running after the caller is done. The fixed
// twin passes the context on.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;

void start_worker(const tether::context &ctx) {
#ifndef FIXED
  (void)ctx;
  tether::go("worker", [] {
    for (;;)
      tether::sleep(10ms);
  });
  // CHECK: task {{[0-9]+}} "worker" [sleeping, {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}context_not_propagated.cpp:[[@LINE-5]] in void start_worker(const tether::context &)
  // CHECK-NEXT: blocked at {{.*}}context_not_propagated.cpp:[[@LINE-4]]
#else
  tether::go("worker", [ctx] {
    while (!tether::sleep(ctx, 10ms)) {
    }
  });
  // FIXED: no leaks
#endif
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(300ms);
  {
    auto [ctx, cancel] = tether::with_timeout(tether::background(), 50ms);
    start_worker(ctx);
    (void)ctx.done().recv();
    cancel();
  }
  std::cout << tether::leak::verify_none(baseline);
}
