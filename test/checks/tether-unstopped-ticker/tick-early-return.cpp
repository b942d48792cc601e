// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -fsyntax-only -Wno-unused-command-line-argument %t.cpp
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The function returns once its context is done; the tick channel is
// dropped there and its ticker fires forever. The fix-it makes the channel
// a local ticker's, which stops on that return.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void heartbeat(const tether::context &ctx, tether::chan<int> jobs) {
  auto ticks = tether::tick(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'tick' starts a ticker that can never be stopped; it keeps firing after this function returns [tether-unstopped-ticker]
  // CHECK-FIXES: {{^}}  tether::ticker ticks_ticker(10ms);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto ticks = ticks_ticker.chan();{{$}}
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
  // RUNTIME-NEXT: created at {{.*}}tick-early-return.cpp:[[@LINE-5]] in {{.*}}heartbeat
  for (;;) {
    int taken = tether::select(tether::on_recv(jobs, [](int) {}),
                               tether::on_recv(ticks, [] {}),
                               tether::on_done(ctx));
    if (taken == 2)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the function returns here; use a 'tether::ticker', which stops when it goes out of scope
  }
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 30ms);
  heartbeat(ctx, tether::make_chan<int>());
  cancel();
  report_ticker_leaks();
}
#endif
