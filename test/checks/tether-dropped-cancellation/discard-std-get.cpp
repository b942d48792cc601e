// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// std::get<0> keeps the context and drops the cancel function.
void get_zero(const context &parent) {
  context ctx = std::get<0>(tether::with_cancel(parent));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cancel function returned by 'with_cancel' is discarded: only the context is kept [tether-dropped-cancellation]
  (void)ctx.err();
}

// Handing the whole pair to a function is a hand-off: silent.
void take(std::pair<context, tether::cancel_func>);
void handed_off(const context &parent) { take(tether::with_cancel(parent)); }