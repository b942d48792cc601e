// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A ticker made with new whose pointer is only used to read its channel:
// nothing stops or deletes it, and it fires forever.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

bool poll_once() {
  auto *pacer = new tether::ticker(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: ticker 'pacer' made with 'new' is never stopped or deleted; it fires forever [tether-unstopped-ticker]
  // CHECK-MESSAGES: :[[@LINE-2]]:9: note: make it a local 'tether::ticker', which stops when it goes out of scope, or hold it in a 'std::unique_ptr'
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
  // RUNTIME-NEXT: created at {{.*}}new-never-deleted.cpp:[[@LINE-4]] in {{.*}}poll_once
  return pacer->chan().recv().has_value();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  (void)poll_once();
  report_ticker_leaks();
}
#endif
