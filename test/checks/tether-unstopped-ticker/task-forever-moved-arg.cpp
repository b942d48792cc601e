// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A ticker moved into a task (a named function) whose loop never exits.
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

void flush();

void batcher(tether::chan<int> jobs, std::unique_ptr<tether::ticker> every) {
  for (;;) { // the loop the note points at
    (void)jobs.recv();
    if (every->chan().try_recv())
      flush();
  }
}

void start_batcher(tether::chan<int> jobs) {
  std::unique_ptr<tether::ticker> every(new tether::ticker(10ms));
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
  // RUNTIME-NEXT: created at {{.*}}task-forever-moved-arg.cpp:[[@LINE-2]] in {{.*}}start_batcher
  tether::go("batcher", batcher, jobs, std::move(every));
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: ticker 'every' is kept alive by a task whose loop never exits; it is never stopped [tether-unstopped-ticker]
  // CHECK-MESSAGES: :14:3: note: this loop never exits: give it a done case (for example 'on_done(ctx, ...)') so that the task ends and the ticker stops
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
void flush() {}
int main() {
  start_batcher(tether::make_chan<int>());
  report_ticker_leaks({"batcher"});
}
#endif
