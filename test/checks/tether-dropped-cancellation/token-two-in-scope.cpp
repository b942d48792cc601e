// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Two tokens fit: warn, but no fix-it (which one is meant is not known).
void two(const context &parent, tether::chan<int> out) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  out.send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' blocks without the cancellation in scope; pass 'parent' to the overload that takes a context [tether-dropped-cancellation]
  cancel();
}