// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// std::tie with std::ignore drops the cancel function.
void tie_ignore(const context &parent) {
  context ctx;
  std::tie(ctx, std::ignore) = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: cancel function returned by 'with_cancel' is assigned to 'std::ignore' [tether-dropped-cancellation]
  (void)ctx.err();
}

// Fixed: tie it to a variable that is called.
void tie_called(const context &parent) {
  context ctx;
  tether::cancel_func cancel;
  std::tie(ctx, cancel) = tether::with_cancel(parent);
  (void)ctx.err();
  cancel();
}