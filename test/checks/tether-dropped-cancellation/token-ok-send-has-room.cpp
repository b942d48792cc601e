// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;

// A send on a local channel whose buffer has room for every send on it cannot
// block: it needs no token. Silent.
int once(const context &ctx) {
  auto result = tether::make_chan<int>(1);
  tether::go([ctx, result] {
    (void)ctx.done().recv();
    result.send(1);
  });
  return result.recv(ctx).status == tether::chan_status::ok;
}

// The same channel sent to in a loop can fill up: reported.
void many(const context &ctx, int n) {
  auto results = tether::make_chan<int>(1);
  tether::go([ctx, results, n] {
    for (int i = 0; i < n; ++i)
      results.send(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'send' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a context [tether-dropped-cancellation]
    // CHECK-FIXES: {{^}}      results.send(ctx, i);{{$}}
  });
}

// Passed on, the channel may get sends the check cannot count: reported.
void fill(tether::chan<int> ch);
void escapes(const context &ctx) {
  auto results = tether::make_chan<int>(1);
  fill(results);
  results.send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'send' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a context [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  results.send(ctx, 1);{{$}}
}
