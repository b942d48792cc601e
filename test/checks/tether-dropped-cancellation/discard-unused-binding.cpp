// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A structured-binding name that is never used.
void never_used(const context &parent) {
  auto [ctx, cancel] = tether::with_deadline(parent, tether::clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel function 'cancel' returned by 'with_deadline' is never used [tether-dropped-cancellation]
  (void)ctx.err();
}

void underscore(const context &parent) {
  auto [ctx, _] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel function '_' returned by 'with_cancel' is never used [tether-dropped-cancellation]
  (void)ctx.err();
}