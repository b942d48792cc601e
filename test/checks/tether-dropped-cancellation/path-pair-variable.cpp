// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// The pair kept whole: .second() must be called on every path.
void pair_kept(const context &parent) {
  auto result = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cancel function 'result' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  (void)result.first.err();
  if (cond())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'result'
  result.second();
}

// Only the context is ever used: the cancel function is never called.
void pair_first_only(const context &parent) {
  auto result = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cancel function 'result' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  (void)result.first.err();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: this end of the function is reached without calling 'result'