// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A cast to void silences [[nodiscard]] and drops the cancel function.
void void_cast(const context &parent) {
  (void)tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: result of 'with_cancel' is cast to void: its cancel function is never called [tether-dropped-cancellation]
  static_cast<void>(tether::with_timeout(parent, 1s));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: result of 'with_timeout' is cast to void: its cancel function is never called [tether-dropped-cancellation]
}