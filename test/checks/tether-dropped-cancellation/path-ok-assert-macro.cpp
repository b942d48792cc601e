// RUN: %check_tether %s tether-dropped-cancellation %t
#include <gtest/gtest.h>
#include <tether/tether.hpp>

using namespace std::chrono_literals;

// gtest's ASSERT_* returns from the test on failure: that return is written by
// a system header's macro, the macro's failure exit, and nobody would call
// cancel before it. Silent.
TEST(Context, CancelsChildren) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto [child, cancel_child] = tether::with_timeout(ctx, 1h);
  ASSERT_FALSE(child.err());
  cancel();
  ASSERT_TRUE(child.err());
  cancel_child();
}

// A return of the test's own is still one: reported.
TEST(Context, ReturnsEarly) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  if (ctx.err())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  cancel();
}
