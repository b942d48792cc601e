// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A range-for over tick(d) that is left by break or return: the loop ends,
// the ticker feeding it cannot be stopped and keeps firing for the rest of
// the program.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

// RUNTIME: found 0 leaked task(s), 2 unread ticker(s)
int wait_ticks(int n) {
  int seen = 0;
  for (auto now : tether::tick(10ms)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'tick' starts a ticker that can
    // never be stopped; it keeps firing after the range-for is left
    // [tether-unstopped-ticker] RUNTIME-DAG: created at
    // {{.*}}range-tick-left.cpp:[[@LINE-2]] in {{.*}}wait_ticks
    (void)now;
    if (++seen == n)
      break;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the loop is left here; range over
    // the 'chan()' of a local 'tether::ticker', which stops when it goes out of
    // scope
  }
  return seen;
}

bool poll_until(tether::recv_chan<int> ready) {
  auto ticks = tether::tick(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'tick' starts a ticker that can
  // never be stopped; it keeps firing after the range-for is left
  // [tether-unstopped-ticker] RUNTIME-DAG: created at
  // {{.*}}range-tick-left.cpp:[[@LINE-2]] in {{.*}}poll_until
  for (auto now : ticks) {
    (void)now;
    if (ready.try_recv())
      return true;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the loop is left here; range over
    // the 'chan()' of a local 'tether::ticker', which stops when it goes out of
    // scope
  }
  return false;
}

// In a lambda, and in a template.
auto waiter = [](int n) {
  for (auto now : tether::tick(1s)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'tick' starts a ticker that can
    // never be stopped; it keeps firing after the range-for is left
    // [tether-unstopped-ticker]
    (void)now;
    if (--n == 0)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the loop is left here; range over
    // the 'chan()' of a local 'tether::ticker', which stops when it goes out of
    // scope
  }
};

template <class Done> void wait_done(Done done) {
  for (auto now : tether::tick(1s)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'tick' starts a ticker that can
    // never be stopped; it keeps firing after the range-for is left
    // [tether-unstopped-ticker]
    (void)now;
    if (done())
      break;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the loop is left here; range over
    // the 'chan()' of a local 'tether::ticker', which stops when it goes out of
    // scope
  }
}
void wait_flag(bool *flag) {
  wait_done([flag] { return *flag; });
}

#define EVERY_SECOND tether::tick(1s)
void wait_macro(tether::recv_chan<int> ready) {
  for (auto now : EVERY_SECOND) {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'tick' starts a ticker that can
    // never be stopped; it keeps firing after the range-for is left
    // [tether-unstopped-ticker]
    (void)now;
    if (ready.try_recv())
      break;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: the loop is left here; range over
    // the 'chan()' of a local 'tether::ticker', which stops when it goes out of
    // scope
  }
}

void accepted(tether::recv_chan<int> ready) {
  for (auto now : tether::tick(1s)) { // NOLINT(tether-unstopped-ticker)
    (void)now;
    if (ready.try_recv())
      break;
  }
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  (void)wait_ticks(2);
  auto ready = tether::make_chan<int>(1);
  ready.send(1);
  (void)poll_until(ready);
  report_ticker_leaks();
}
#endif
