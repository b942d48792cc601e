// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A function-local static ticker is made on the first call and never
// stopped: after the last call it fires unread until the program exits.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void throttle() {
  static tether::ticker pace(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: static ticker 'pace' is never stopped; it fires until the program exits [tether-unstopped-ticker]
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
  // RUNTIME-NEXT: created at {{.*}}static-local.cpp:[[@LINE-3]] in {{.*}}throttle
  (void)pace.chan().recv();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  throttle();
  throttle();
  report_ticker_leaks();
}
#endif
