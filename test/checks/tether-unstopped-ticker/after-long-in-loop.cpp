// RUN: %check_tether %s tether-unstopped-ticker %t

// Go's `for { select { case m := <-in: ...; case <-time.After(time.Minute): } }`:
// every message leaves a one-minute timer pending. At a thousand messages a
// second that is sixty thousand live timers. The runtime's leak report does
// not list them (they stop by themselves when they fire); the timer
// service's queue holds them until then.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void handle(int);

void consume(tether::chan<int> in) {
  for (;;) {
    int taken = tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                               tether::on_recv(tether::after(1min)));
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'after' in a loop leaves a timer pending for 1min on every iteration that does not take it [tether-unstopped-ticker]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: create one 'tether::timer' before the loop and 'reset' it on each iteration
    if (taken == 1)
      return;
  }
}

void consume_while(tether::chan<int> in, bool &running) {
  while (running) {
    auto idle = tether::after(std::chrono::seconds(30));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'after' in a loop leaves a timer pending for 30s on every iteration that does not take it [tether-unstopped-ticker]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: create one 'tether::timer' before the loop and 'reset' it on each iteration
    tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                   tether::on_recv(idle, [&] { running = false; }));
  }
}

// The fix: one timer, reset on every iteration.
void consume_fixed(tether::chan<int> in) {
  tether::timer idle(1min);
  for (;;) {
    int taken = tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                               tether::on_recv(idle.chan()));
    if (taken == 1)
      return;
    idle.reset(1min);
  }
}
