// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Go's `for { select { case <-time.Tick(d): ... } }`: every iteration makes
// a new ticker that nobody can stop; the old ones keep firing unread. This
// is a leak even in main and even when the function never returns.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void serve(tether::chan<int> jobs) {
  for (;;) {
    tether::select(tether::on_recv(jobs, [](int) {}),
                   tether::on_recv(tether::tick(10ms), [] {}));
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'tick' in a loop starts a ticker that can never be stopped on every iteration [tether-unstopped-ticker]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: create one 'tether::ticker' before the loop and receive from its 'chan()'; it stops when it goes out of scope
    // RUNTIME-COUNT-3: created at {{.*}}tick-in-loop.cpp:[[@LINE-3]] in {{.*}}serve
  }
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto jobs = tether::make_chan<int>(3);
  for (int i = 0; i < 3; ++i)
    jobs.send(i);
  tether::go("server", serve, jobs);
  report_ticker_leaks({"server"});
}
#endif
