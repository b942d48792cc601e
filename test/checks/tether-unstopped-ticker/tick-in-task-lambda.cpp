// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -fsyntax-only -Wno-unused-command-line-argument %t.cpp
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A task that ends when its context is cancelled, with a tick() channel: the
// task ends, its ticker does not.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void start_reporter(const tether::context &ctx) {
  tether::go([ctx] {
    auto every = tether::tick(10ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'tick' starts a ticker that can never be stopped; it keeps firing after this function returns [tether-unstopped-ticker]
    // CHECK-FIXES: {{^}}    tether::ticker every_ticker(10ms);{{$}}
    // CHECK-FIXES-NEXT: {{^}}    auto every = every_ticker.chan();{{$}}
    // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
    // RUNTIME-NEXT: created at {{.*}}tick-in-task-lambda.cpp:[[@LINE-5]] in {{.*}}start_reporter
    while (tether::select(tether::on_recv(every, [] {}),
                          tether::on_done(ctx)) == 0) {
    }
  });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the function ends here; use a 'tether::ticker', which stops when it goes out of scope
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  start_reporter(ctx);
  tether::sleep(30ms);
  cancel();
  report_ticker_leaks();
}
#endif
