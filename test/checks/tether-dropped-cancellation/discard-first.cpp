// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Keeping only the context throws the cancel function away.
context only_the_context(const context &parent) {
  auto ctx = tether::with_timeout(parent, 1s).first;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel function returned by 'with_timeout' is discarded: only the context is kept [tether-dropped-cancellation]
  // CHECK-MESSAGES: :[[@LINE-2]]:14: note: keep both with 'auto [ctx, cancel] = ...'
  return ctx;
}

// Fixed: keep the cancel function and call it.
void fixed(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 1s);
  (void)ctx.err();
  cancel();
}