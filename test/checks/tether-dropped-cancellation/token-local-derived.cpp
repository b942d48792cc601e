// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A context made locally is in scope for the code after it.
void derived(tether::chan<int> in) {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 1s);
  auto v = in.recv();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a context [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  auto v = in.recv(ctx);{{$}}
  cancel();
}

// Before the declaration, and in a sibling scope, it is not in scope.
void not_yet(tether::chan<int> in) {
  auto v = in.recv();
  {
    auto [ctx, cancel] = tether::with_cancel(tether::background());
    cancel();
  }
  auto w = in.recv();
}