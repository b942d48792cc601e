// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// One case of a switch returns without cancelling.
int by_kind(const context &parent, int kind) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  switch (kind) {
  case 0:
    cancel();
    return 0;
  case 1:
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  default:
    break;
  }
  cancel();
  return 2;
}