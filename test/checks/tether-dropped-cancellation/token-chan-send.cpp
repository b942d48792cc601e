// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A send without the context in scope; fix-it: pass it.
void produce(const context &ctx, tether::chan<int> out) {
  out.send(42);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a context [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  out.send(ctx, 42);{{$}}
  if (out.send(ctx, 43) != tether::chan_status::ok)
    return;
}