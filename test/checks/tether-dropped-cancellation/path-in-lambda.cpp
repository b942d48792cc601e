// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Inside a lambda the lambda's own returns are the exits.
void run(const context &parent) {
  auto work = [&parent](int n) {
    auto [ctx, cancel] = tether::with_cancel(parent);
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
    if (n == 0)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: this return is reached without calling 'cancel'
    cancel();
  };
  work(1);
}