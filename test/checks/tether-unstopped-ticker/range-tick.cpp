// RUN: %check_tether %s tether-unstopped-ticker %t

// A range-for over a tick() channel: the ticker can never be stopped and
// its channel is never closed, so the loop never ends. The range-for is
// reported once (not also as a tick() in a function that returns).
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void report_status();

void status_loop() {
  for (auto now : tether::tick(1s)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: range-for over a 'tick' channel never ends: the ticker can never be stopped and its channel is never closed [tether-unstopped-ticker]
    // CHECK-MESSAGES: :[[@LINE-2]]:3: note: make a local 'tether::ticker', receive with 'select(on_recv(ticker.chan(), ...), on_done(ctx, ...))' and leave the loop when the done case is taken
    (void)now;
    report_status();
  }
}

void status_loop_variable() {
  tether::ticker every(1s);
  auto ticks = every.chan();
  for (auto now : ticks) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: range-for over a ticker's channel never ends: stopping a ticker does not close its channel [tether-unstopped-ticker]
    (void)now;
    report_status();
  }
}

void status_loop_tick_variable() {
  auto ticks = tether::tick(1s);
  for (auto now : ticks) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: range-for over a 'tick' channel never ends: the ticker can never be stopped and its channel is never closed [tether-unstopped-ticker]
    (void)now;
    report_status();
  }
}
