// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Cancel called on one branch only; the other falls off the end.
void one_branch(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  if (cond())
    cancel();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: this end of the function is reached without calling 'cancel'