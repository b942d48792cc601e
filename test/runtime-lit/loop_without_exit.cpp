// Scenario 2 of the goroutine-leak chapter: a loop whose exit condition never
// changes. The task never blocks in tether nor checks a context: a possible
// loop without exit. The fixed twin checks its context.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <atomic>
#include <iostream>
#include <thread>

using namespace std::chrono_literals;

std::atomic<bool> running{true};

int main() {
  auto baseline =
      tether::leak::options().ignore_current().wait(300ms).loop_after(100ms);
#ifndef FIXED
  tether::go("looper", [] {
    while (running.load())
      std::this_thread::sleep_for(5ms);
  });
  // CHECK: task {{[0-9]+}} "looper" [running, {{.*}} without blocking or checking its context] [possible loop]
  // CHECK-NEXT: spawned at {{.*}}loop_without_exit.cpp:[[@LINE-5]] in int main()
#else
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  tether::go("looper", [ctx] {
    while (running.load() && !ctx.err())
      std::this_thread::sleep_for(5ms);
  });
  cancel();
  // FIXED: no leaks
#endif
  std::cout << tether::leak::verify_none(baseline);
}
