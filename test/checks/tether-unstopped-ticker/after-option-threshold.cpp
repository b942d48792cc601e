// RUN: %check_tether %s tether-unstopped-ticker %t -- \
// RUN:   -config="{CheckOptions: {tether-unstopped-ticker.AfterInLoopMinMilliseconds: 10}}"

// With AfterInLoopMinMilliseconds lowered to 10, a 20ms after() in a tight
// loop is reported as well.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void handle(int);

void short_timeouts(tether::chan<int> in) {
  for (int i = 0; i < 100; ++i)
    tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                   tether::on_recv(tether::after(20ms)));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'after' in a loop leaves a timer pending for 20ms on every iteration that does not take it [tether-unstopped-ticker]
}
