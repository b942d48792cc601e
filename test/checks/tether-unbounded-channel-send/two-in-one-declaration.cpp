// RUN: %check_tether %s tether-unbounded-channel-send %t

// Two channels made in one declaration: each is checked, not only the first.
#include <tether/tether.hpp>

void fan_out() {
  auto left = tether::make_chan<int>(), right = tether::make_chan<int>();
  tether::go([=] { left.send(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: send on 'left' blocks forever: nothing receives from it [tether-unbounded-channel-send]
  tether::go([=] { right.send(2); });
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: send on 'right' blocks forever: nothing receives from it [tether-unbounded-channel-send]
}
// CHECK-FIXES: auto left = tether::make_chan<int>(1), right = tether::make_chan<int>(1);

// Safe: the second channel is received from, the first is buffered for its
// one send.
int fan_in() {
  auto done = tether::make_chan<int>(1), result = tether::make_chan<int>();
  tether::go([=] {
    done.send(1);
    result.send(2);
  });
  return result.recv().value_or(0);
}
