// context: cancellation flows from parent to every descendant and never up;
// err() codes and messages; deadline(); done(); the stop_token bridge.
#include "test_util.hpp"

#include <stop_token>
#include <system_error>
#include <vector>

using namespace std::chrono_literals;
using tether::chan_status;
using tether_test::go_and_wait_parked;
using tether_test::short_while;

namespace {

bool is_done(const tether::context &ctx) {
  return ctx.done().try_recv().status == chan_status::closed;
}

} // namespace

TEST(Context, BackgroundIsNeverCancelled) {
  auto bg = tether::background();
  EXPECT_FALSE(bg.err());
  EXPECT_EQ(bg.deadline(), std::nullopt);
  EXPECT_FALSE(bg.done()) << "background's done() is the nil channel";
  EXPECT_FALSE(bg.stop_token().stop_possible());
  EXPECT_TRUE(bg == tether::context());
}

TEST(Context, CancelClosesDoneAndSetsErr) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  EXPECT_TRUE(ctx.done());
  EXPECT_FALSE(is_done(ctx));
  EXPECT_FALSE(ctx.err());
  cancel();
  EXPECT_TRUE(is_done(ctx));
  EXPECT_EQ(ctx.done().recv(), std::nullopt);
  EXPECT_EQ(ctx.err(), tether::errc::canceled);
  EXPECT_EQ(ctx.err(), tether::make_error_code(tether::errc::canceled));
  EXPECT_EQ(ctx.err().message(), "context canceled");
  EXPECT_STREQ(ctx.err().category().name(), "tether");
}

TEST(Context, CancelTwiceIsHarmless) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  cancel();
  cancel();
  EXPECT_EQ(ctx.err(), tether::errc::canceled);
  tether::cancel_func empty;
  empty(); // a default-constructed cancel_func does nothing
}

TEST(Context, CancelFuncCopiesShareOneCancellation) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  tether::cancel_func copy = cancel;
  copy();
  EXPECT_EQ(ctx.err(), tether::errc::canceled);
  cancel();
}

TEST(Context, DoneAndStopTokenFirstAskedAfterCancel) {
  // Both are made on first use: asked only after the cancel, they are
  // already closed and stopped.
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  cancel();
  EXPECT_TRUE(is_done(ctx));
  EXPECT_EQ(ctx.done().recv(), std::nullopt);
  EXPECT_TRUE(ctx.stop_token().stop_requested());
  // A child born cancelled answers the same.
  auto [child, cancel_child] = tether::with_cancel(ctx);
  EXPECT_TRUE(is_done(child));
  EXPECT_TRUE(child.stop_token().stop_requested());
  cancel_child();
}

TEST(Context, DoneAskedTwiceIsOneChannel) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  EXPECT_TRUE(ctx.done() == ctx.done());
  cancel();
}

TEST(Context, TimeoutSetsDeadlineExceeded) {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 10ms);
  EXPECT_EQ(ctx.done().recv(), std::nullopt);
  EXPECT_EQ(ctx.err(), tether::errc::deadline_exceeded);
  EXPECT_EQ(ctx.err().message(), "context deadline exceeded");
  cancel(); // after the deadline: err stays deadline_exceeded
  EXPECT_EQ(ctx.err(), tether::errc::deadline_exceeded);
}

TEST(Context, CancelBeforeDeadlineWins) {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 1h);
  cancel();
  EXPECT_EQ(ctx.err(), tether::errc::canceled);
}

TEST(Context, DeadlineReportsTheEarliestInTheChain) {
  const auto soon = tether::clock::now() + 1h;
  const auto later = soon + 1h;
  auto [parent, cancel_parent] =
      tether::with_deadline(tether::background(), soon);
  EXPECT_EQ(parent.deadline(), soon);
  auto [child, cancel_child] = tether::with_cancel(parent);
  EXPECT_EQ(child.deadline(), soon) << "inherited";
  auto [late, cancel_late] = tether::with_deadline(parent, later);
  EXPECT_EQ(late.deadline(), soon) << "a later deadline cannot extend";
  const auto earlier = soon - 30min;
  auto [early, cancel_early] = tether::with_deadline(parent, earlier);
  EXPECT_EQ(early.deadline(), earlier);
  auto [plain, cancel_plain] = tether::with_cancel(tether::background());
  EXPECT_EQ(plain.deadline(), std::nullopt);
  cancel_plain();
  cancel_early();
  cancel_late();
  cancel_child();
  cancel_parent();
}

TEST(Context, DeadlineInThePastIsAlreadyExceeded) {
  auto [ctx, cancel] =
      tether::with_deadline(tether::background(), tether::clock::now() - 1s);
  EXPECT_TRUE(is_done(ctx));
  EXPECT_EQ(ctx.err(), tether::errc::deadline_exceeded);
  cancel();
  auto [zero, cancel_zero] = tether::with_timeout(tether::background(), 0s);
  EXPECT_EQ(zero.err(), tether::errc::deadline_exceeded);
  cancel_zero();
}

TEST(Context, ParentTimeoutReachesChildrenWithItsError) {
  auto [parent, cancel_parent] =
      tether::with_timeout(tether::background(), 10ms);
  auto [child, cancel_child] = tether::with_cancel(parent);
  auto [grandchild, cancel_grandchild] = tether::with_timeout(child, 1h);
  EXPECT_EQ(grandchild.done().recv(), std::nullopt);
  EXPECT_EQ(child.err(), tether::errc::deadline_exceeded);
  EXPECT_EQ(grandchild.err(), tether::errc::deadline_exceeded);
  cancel_grandchild();
  cancel_child();
  cancel_parent();
}

TEST(Context, ChildOfCancelledParentIsBornCancelled) {
  auto [parent, cancel_parent] = tether::with_cancel(tether::background());
  cancel_parent();
  auto [child, cancel_child] = tether::with_cancel(parent);
  EXPECT_TRUE(is_done(child));
  EXPECT_EQ(child.err(), tether::errc::canceled);
  auto [timed, cancel_timed] = tether::with_timeout(parent, 1h);
  EXPECT_EQ(timed.err(), tether::errc::canceled);
  cancel_timed();
  cancel_child();
}

TEST(Context, WideTreeOfTenThousandChildrenAllCancelled) {
  constexpr int n = 10'000; // not scaled: the rule names this number
  auto [root, cancel_root] = tether::with_cancel(tether::background());
  std::vector<std::pair<tether::context, tether::cancel_func>> children;
  children.reserve(n);
  for (int i = 0; i < n; ++i)
    children.push_back(i % 2 ? tether::with_cancel(root)
                             : tether::with_timeout(root, 1h));
  for (auto &[ctx, cancel] : children)
    ASSERT_FALSE(ctx.err());
  cancel_root();
  for (auto &[ctx, cancel] : children) {
    ASSERT_TRUE(is_done(ctx));
    ASSERT_EQ(ctx.err(), tether::errc::canceled);
    ASSERT_TRUE(ctx.stop_token().stop_requested());
  }
  for (auto &[ctx, cancel] : children)
    cancel();
}

TEST(Context, DeepChainOfTenThousandDescendantsAllCancelled) {
  constexpr int n = 10'000;
  auto [root, cancel_root] = tether::with_cancel(tether::background());
  std::vector<std::pair<tether::context, tether::cancel_func>> chain;
  chain.reserve(n);
  tether::context parent = root;
  for (int i = 0; i < n; ++i) {
    chain.push_back(tether::with_cancel(parent));
    parent = chain.back().first;
  }
  cancel_root();
  for (auto &[ctx, cancel] : chain) {
    ASSERT_TRUE(is_done(ctx));
    ASSERT_EQ(ctx.err(), tether::errc::canceled);
  }
  for (auto &[ctx, cancel] : chain)
    cancel();
}

TEST(Context, DeepChainReleasedWithoutCancel) {
  // Dropping a long chain (all cancelled by their own functions) must not
  // recurse once per level.
  constexpr int n = 10'000;
  std::vector<tether::cancel_func> cancels;
  cancels.reserve(n);
  {
    tether::context ctx;
    for (int i = 0; i < n; ++i) {
      auto [child, cancel] = tether::with_cancel(ctx);
      cancels.push_back(cancel);
      ctx = child;
    }
    for (auto &cancel : cancels)
      cancel();
  }
  cancels.clear();
  SUCCEED();
}

TEST(Context, DescendantsBlockedOnDoneAreAllWoken) {
  constexpr int n = tether_test::scaled(1000);
  auto [root, cancel_root] = tether::with_cancel(tether::background());
  tether::wait_group wg;
  std::vector<tether::cancel_func> cancels;
  tether::context parent = root;
  std::atomic<int> woken{0};
  for (int i = 0; i < n; ++i) {
    auto [ctx, cancel] = tether::with_cancel(i % 10 ? root : parent);
    cancels.push_back(cancel);
    if (i % 10 == 0)
      parent = ctx;
    wg.go([ctx, &woken] {
      (void)ctx.done().recv();
      if (ctx.err() == tether::errc::canceled)
        ++woken;
    });
  }
  cancel_root();
  wg.wait();
  EXPECT_EQ(woken.load(), n);
  for (auto &cancel : cancels)
    cancel();
}

TEST(Context, ChildCancelNeverCancelsParentOrSiblings) {
  auto [parent, cancel_parent] = tether::with_cancel(tether::background());
  auto [a, cancel_a] = tether::with_cancel(parent);
  auto [b, cancel_b] = tether::with_cancel(parent);
  auto [a1, cancel_a1] = tether::with_cancel(a);
  cancel_a();
  EXPECT_EQ(a.err(), tether::errc::canceled);
  EXPECT_EQ(a1.err(), tether::errc::canceled);
  EXPECT_FALSE(parent.err());
  EXPECT_FALSE(b.err());
  EXPECT_FALSE(is_done(parent));
  EXPECT_FALSE(parent.stop_token().stop_requested());
  // A child that times out does not cancel its parent either.
  auto [t, cancel_t] = tether::with_timeout(parent, 1ms);
  EXPECT_EQ(t.done().recv(), std::nullopt);
  EXPECT_FALSE(parent.err());
  cancel_t();
  cancel_a1();
  cancel_b();
  cancel_parent();
  EXPECT_EQ(b.err(), tether::errc::canceled);
}

TEST(Context, TenThousandChildrenCancelledOneByOneLeaveParentLive) {
  constexpr int n = 10'000;
  auto [parent, cancel_parent] = tether::with_cancel(tether::background());
  for (int i = 0; i < n; ++i) {
    auto [child, cancel] = tether::with_cancel(parent);
    cancel();
    ASSERT_EQ(child.err(), tether::errc::canceled);
  }
  EXPECT_FALSE(parent.err());
  cancel_parent();
}

TEST(Context, StopTokenBridge) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  std::stop_token token = ctx.stop_token();
  EXPECT_TRUE(token.stop_possible());
  EXPECT_FALSE(token.stop_requested());
  std::atomic<int> callbacks{0};
  std::stop_callback callback(token, [&] { ++callbacks; });
  cancel();
  EXPECT_TRUE(token.stop_requested());
  EXPECT_TRUE(ctx.stop_token().stop_requested());
  EXPECT_EQ(callbacks.load(), 1);
  // A callback registered after the stop runs at once.
  std::stop_callback late(token, [&] { ++callbacks; });
  EXPECT_EQ(callbacks.load(), 2);
}

TEST(Context, StopTokenBridgeFollowsParentAndDeadline) {
  auto [parent, cancel_parent] = tether::with_cancel(tether::background());
  auto [child, cancel_child] = tether::with_timeout(parent, 1h);
  auto token = child.stop_token();
  cancel_parent();
  EXPECT_TRUE(token.stop_requested());
  cancel_child();
  auto [timed, cancel_timed] = tether::with_timeout(tether::background(), 5ms);
  auto timed_token = timed.stop_token();
  // A stop token drives the stop overloads of channel operations.
  auto never = tether::make_chan<int>();
  EXPECT_EQ(never.recv(timed_token).status, chan_status::cancelled);
  EXPECT_TRUE(timed_token.stop_requested());
  cancel_timed();
}

TEST(Context, CancelFromPlainThreadWakesTaskAndViceVersa) {
  {
    auto [ctx, cancel] = tether::with_cancel(tether::background());
    auto woke = tether::make_chan<int>(1);
    go_and_wait_parked([ctx, woke] {
      (void)ctx.done().recv();
      woke.send(1);
    });
    std::thread canceller([cancel] { cancel(); });
    EXPECT_EQ(woke.recv(), 1);
    canceller.join();
  }
  {
    auto [ctx, cancel] = tether::with_cancel(tether::background());
    std::atomic<bool> woke{false};
    std::thread waiter([ctx, &woke] {
      (void)ctx.done().recv();
      woke = true;
    });
    tether::go([cancel] { cancel(); });
    waiter.join();
    EXPECT_TRUE(woke.load());
  }
}

TEST(Context, ConcurrentCancelAndChildCreation) {
  // Children created while the parent is being cancelled end up cancelled.
  const int rounds = tether_test::scaled(50, 5);
  for (int round = 0; round < rounds; ++round) {
    auto [root, cancel_root] = tether::with_cancel(tether::background());
    auto children =
        tether::make_chan<std::pair<tether::context, tether::cancel_func>>(400);
    tether::wait_group wg;
    for (int t = 0; t < 4; ++t)
      wg.go([root, children] {
        for (int i = 0; i < 100; ++i)
          children.send(tether::with_cancel(root));
      });
    cancel_root();
    wg.wait();
    children.close();
    for (auto &[child, cancel] : children) {
      ASSERT_EQ(child.err(), tether::errc::canceled);
      cancel();
    }
  }
}
