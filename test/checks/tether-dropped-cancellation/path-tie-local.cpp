// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// std::tie into local variables: the local cancel must be called.
void tied(const context &parent) {
  context ctx;
  tether::cancel_func cancel;
  std::tie(ctx, cancel) = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  if (cond())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  cancel();
}

// std::tie into a member hands the cancel function to the object.
struct holder {
  context ctx;
  tether::cancel_func cancel;
  void start(const context &parent) {
    std::tie(ctx, cancel) = tether::with_cancel(parent);
  }
};