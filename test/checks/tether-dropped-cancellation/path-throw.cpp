// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A throw that leaves the function before cancel is called.
void throws(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 5s);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_timeout' is not called on every path [tether-dropped-cancellation]
  if (cond())
    throw std::runtime_error("no");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throw is reached without calling 'cancel'
  cancel();
}

// A throw caught inside the function does not leave it.
void caught(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 5s);
  try {
    if (cond())
      throw 1;
  } catch (int) {
  }
  cancel();
}