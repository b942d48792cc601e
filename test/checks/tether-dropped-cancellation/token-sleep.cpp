// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// sleep(d) ignores the context; sleep(ctx, d) does not.
void backoff(const context &ctx) {
  tether::sleep(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a context [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  tether::sleep(ctx, 10ms);{{$}}
  if (tether::sleep(ctx, 10ms))
    return;
}