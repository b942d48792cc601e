// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A return from inside a loop skips the cancel after it.
int find(const context &parent, const int *values, int n) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  for (int i = 0; i < n; ++i)
    if (values[i] == 42)
      return i;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: this return is reached without calling 'cancel'
  cancel();
  return -1;
}