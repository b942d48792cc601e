// Scenario 3 of the goroutine-leak chapter: a ticker nobody stops. tick()
// keeps firing into a channel that nobody reads; reported with its creation
// site. The fixed twin uses a ticker object, which stops when it goes out of
// scope.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;

void poll_once() {
#ifndef FIXED
  auto ticks = tether::tick(10ms);
  // CHECK: 1 unread ticker(s)
  // CHECK: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}, {{[0-9]+}} ticks dropped]
  // CHECK-NEXT: created at {{.*}}unstopped_ticker.cpp:[[@LINE-3]] in void poll_once()
  (void)ticks.recv();
#else
  tether::ticker ticker(10ms);
  (void)ticker.chan().recv();
  // FIXED: no leaks
#endif
}

int main() {
  auto baseline =
      tether::leak::options().ignore_current().ticker_unread_after(50ms);
  poll_once();
  tether::sleep(150ms);
  std::cout << tether::leak::verify_none(baseline);
}
