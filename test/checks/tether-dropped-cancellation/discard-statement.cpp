// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// The whole result discarded as a statement (the compiler's [[nodiscard]]
// warning says the same when enabled).
#pragma clang diagnostic ignored "-Wunused-result"
void statement(const context &parent) {
  tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'with_cancel' is discarded: its cancel function is never called [tether-dropped-cancellation]
}