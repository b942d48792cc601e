// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The pointer from new is thrown away: the ticker can never be reached
// again, let alone stopped.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void start_pacing() {
  new tether::ticker(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ticker made with 'new' is discarded; it can never be stopped or deleted [tether-unstopped-ticker]
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
  // RUNTIME-NEXT: created at {{.*}}new-discarded.cpp:[[@LINE-3]] in {{.*}}start_pacing
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_pacing();
  report_ticker_leaks();
}
#endif
