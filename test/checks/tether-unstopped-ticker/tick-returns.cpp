// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -fsyntax-only -Wno-unused-command-line-argument %t.cpp
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// staticcheck SA1015: tick() in a function that returns. The ticker behind
// the channel can never be stopped, so it keeps firing after the function
// has read the three ticks it wanted.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void poll_three_times() {
  auto ticks = tether::tick(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'tick' starts a ticker that can never be stopped; it keeps firing after this function returns [tether-unstopped-ticker]
  // CHECK-FIXES: {{^}}  tether::ticker ticks_ticker(10ms);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto ticks = ticks_ticker.chan();{{$}}
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}, {{[0-9]+}} ticks dropped]
  // RUNTIME-NEXT: created at {{.*}}tick-returns.cpp:[[@LINE-5]] in {{.*}}poll_three_times
  for (int i = 0; i < 3; ++i)
    (void)ticks.recv();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: the function ends here; use a 'tether::ticker', which stops when it goes out of scope

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  poll_three_times();
  report_ticker_leaks();
}
#endif
