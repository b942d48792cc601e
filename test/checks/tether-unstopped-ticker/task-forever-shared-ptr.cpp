// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The task owns the last reference to the ticker and its loop never exits:
// the ticker is never destroyed, so never stopped. Here the task waits for
// jobs that never come, and the ticker fires unread.
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

void flush();

void start_batcher(tether::chan<int> jobs) {
  std::shared_ptr<tether::ticker> flush_every(new tether::ticker(10ms));
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
  // RUNTIME-NEXT: created at {{.*}}task-forever-shared-ptr.cpp:[[@LINE-2]] in {{.*}}start_batcher
  tether::go("batcher", [jobs, flush_every] {
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: ticker 'flush_every' is kept alive by a task whose loop never exits; it is never stopped [tether-unstopped-ticker]
    for (;;) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this loop never exits: give it a done case (for example 'on_done(ctx, ...)') so that the task ends and the ticker stops
      (void)jobs.recv();
      if (flush_every->chan().try_recv())
        flush();
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
void flush() {}
int main() {
  start_batcher(tether::make_chan<int>());
  report_ticker_leaks({"batcher"});
}
#endif
