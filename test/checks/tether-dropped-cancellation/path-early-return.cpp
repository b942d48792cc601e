// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Go vet's lostcancel: a return on which cancel is not called.
int early_return(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  if (cond())
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  (void)ctx.err();
  cancel();
  return 0;
}