// The detectors: definite leaks, global deadlock, dropped cancellations,
// unread tickers, loops without exit, and the monitor.
#include "leak_test_util.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace std::chrono_literals;
using tether_test::find_task;
using tether_test::quick;
using tether_test::wait_blocked;
namespace leak = tether::leak;

namespace {
bool definite(const std::string &name) {
  auto t = find_task(leak::snapshot().tasks, name);
  return t && t->definite;
}
} // namespace

TEST(LeakDefinite, SenderOnAChannelOnlyItsClosureHolds) {
  {
    auto ch = tether::make_chan<int>();
    tether::go("lost-sender", [ch] { ch.send(42); });
    ASSERT_TRUE(wait_blocked("lost-sender"));
  } // the last handle outside the task dies here
  EXPECT_TRUE(definite("lost-sender"));
  auto found = leak::definitely_leaked();
  EXPECT_TRUE(find_task(found, "lost-sender"));
}

TEST(LeakDefinite, NotWhileAnotherPartyHoldsAHandle) {
  auto ch = tether::make_chan<int>();
  tether::go("held-receiver", [ch] { (void)ch.recv(); });
  ASSERT_TRUE(wait_blocked("held-receiver"));
  EXPECT_FALSE(definite("held-receiver"));
  ch.send(1); // and indeed it can be woken
}

TEST(LeakDefinite, TwoTasksWaitingOnEachOther) {
  {
    auto a = tether::make_chan<int>();
    auto b = tether::make_chan<int>();
    tether::go("waits-a", [a, b] {
      (void)a.recv();
      b.send(1);
    });
    tether::go("waits-b", [a, b] {
      (void)b.recv();
      a.send(1);
    });
    ASSERT_TRUE(wait_blocked("waits-a"));
    ASSERT_TRUE(wait_blocked("waits-b"));
    EXPECT_FALSE(definite("waits-a")); // this frame still holds a and b
  }
  EXPECT_TRUE(definite("waits-a"));
  EXPECT_TRUE(definite("waits-b"));
}

TEST(LeakDefinite, NotWhenTheHandleIsOnAStack) {
  // Handles on task stacks are not attributed: the check stays silent.
  tether::go("stack-holder", [] {
    auto ch = tether::make_chan<int>();
    (void)ch.recv();
  });
  ASSERT_TRUE(wait_blocked("stack-holder"));
  EXPECT_FALSE(definite("stack-holder"));
}

TEST(LeakDefinite, NotWhenAContextCanStillCancel) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  {
    auto ch = tether::make_chan<int>();
    tether::go("cancellable", [ch, ctx] { (void)ch.recv(ctx); });
    ASSERT_TRUE(wait_blocked("cancellable"));
  }
  EXPECT_FALSE(definite("cancellable"));
  cancel();
}

TEST(LeakDefinite, NilChannel) {
  tether::go("nil-receiver", [] { (void)tether::chan<int>().recv(); });
  ASSERT_TRUE(wait_blocked("nil-receiver"));
  EXPECT_TRUE(definite("nil-receiver"));
}

TEST(LeakDefinite, NoFalsePositiveUnderPingPong) {
  // Parties wake each other constantly; none may ever be called definite.
  auto ping = tether::make_chan<int>();
  auto pong = tether::make_chan<int>();
  tether::go("pinger", [ping, pong] {
    for (int i = 0; i < 20000; ++i) {
      ping.send(i);
      (void)pong.recv();
    }
    ping.close();
  });
  tether::go("ponger", [ping, pong] {
    while (auto v = ping.recv())
      pong.send(*v);
  });
  for (int i = 0; i < 50; ++i) {
    const auto found = leak::definitely_leaked(); // earlier tests' leaks too
    EXPECT_FALSE(find_task(found, "pinger") || find_task(found, "ponger"));
  }
}

TEST(LeakDeadlock, AllAsleepIsReportedAtOnce) {
  std::mutex m;
  std::condition_variable cv;
  bool seen = false;
  auto main_waits = tether::make_chan<int>();
  leak::set_deadlock_handler([&, main_waits](const leak::report &r) {
    EXPECT_TRUE(r.global_deadlock);
    {
      std::lock_guard lock(m);
      seen = true;
    }
    cv.notify_all();
    main_waits.close(); // the only way out of a deadlock
  });
  // A ticker left by an earlier test in this process (TickerNobodyReads'
  // tick()) is a pending timer: the runtime is then never all asleep. ctest
  // runs each test alone; a whole-binary run skips this one instead of
  // hanging.
  if (!leak::snapshot(leak::options().ticker_unread_after(0ms)).tickers.empty())
    GTEST_SKIP() << "a live ticker from an earlier test keeps a timer pending";
  auto never = tether::make_chan<int>();
  tether::go("stuck", [never] { (void)never.recv(); });
  ASSERT_TRUE(wait_blocked("stuck"));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(main_waits.recv()); // closed by the handler
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  std::unique_lock lock(m);
  EXPECT_TRUE(seen);
  leak::set_deadlock_handler({});
  never.close();
}

TEST(LeakDeadlock, NotWhileATaskRuns) {
  std::atomic<bool> running{true};
  tether::wait_group busy;
  busy.go([&running] {
    while (running.load())
      std::this_thread::sleep_for(1ms);
  });
  auto ch = tether::make_chan<int>();
  std::thread blocked([ch] { (void)ch.recv(); });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(leak::global_deadlock());
  running = false;
  ch.close();
  blocked.join();
  busy.wait(); // the task reads `running` until it sees false
}

TEST(LeakFamilies, DroppedCancelWithItsSite) {
  auto opts = quick();
  const unsigned line = __LINE__ + 2;
  {
    auto [ctx, cancel] = tether::with_cancel(tether::background());
  }
  auto r = leak::verify_none(opts);
  ASSERT_EQ(r.dropped_cancels.size(), 1u);
  EXPECT_EQ(r.dropped_cancels[0].site.line(), line);
  // Called, or cancelled through its parent: not dropped.
  auto [parent, cancel_parent] = tether::with_cancel(tether::background());
  {
    auto [ctx, cancel] = tether::with_cancel(tether::background());
    cancel();
    auto [child, cancel_child] = tether::with_cancel(parent);
    cancel_parent();
  }
  EXPECT_EQ(leak::verify_none(opts).dropped_cancels.size(), 1u);
  // Copies share one record: reported once, when the last copy goes.
  {
    auto [ctx, cancel] = tether::with_cancel(tether::background());
    tether::cancel_func copy = cancel;
    tether::cancel_func moved = std::move(copy);
    copy = moved;
    EXPECT_EQ(leak::verify_none(opts).dropped_cancels.size(), 1u);
  }
  EXPECT_EQ(leak::verify_none(opts).dropped_cancels.size(), 2u);
}

TEST(LeakFamilies, TickerNobodyReads) {
  auto opts = quick().ticker_unread_after(50ms);
  const unsigned line = __LINE__ + 1;
  auto ticks = tether::tick(5ms);
  tether::ticker stopped(5ms);
  stopped.stop();
  std::this_thread::sleep_for(120ms);
  auto r = leak::verify_none(opts);
  ASSERT_EQ(r.tickers.size(), 1u);
  EXPECT_EQ(r.tickers[0].site.line(), line);
  EXPECT_GT(r.tickers[0].dropped_ticks, 0u);
}

TEST(LeakFamilies, TickerWithAReaderIsFine) {
  auto opts = quick().ticker_unread_after(50ms);
  tether::ticker t(5ms);
  for (int i = 0; i < 30; ++i)
    (void)t.chan().recv();
  EXPECT_TRUE(leak::verify_none(opts).tickers.empty());
}

TEST(LeakFamilies, LoopWithoutExit) {
  auto opts = quick().wait(300ms).loop_after(100ms);
  std::atomic<bool> running{true};
  tether::wait_group tasks; // both read `running` until they see false
  tasks.add(2);
  tether::go("spinner", [&running, &tasks] {
    while (running.load()) // never blocks, never checks a context
      std::this_thread::sleep_for(1ms);
    tasks.done();
  });
  auto ctx_pair = tether::with_cancel(tether::background());
  auto ctx = ctx_pair.first;
  tether::go("checker", [&running, &tasks, ctx] {
    while (running.load() && !ctx.err())
      std::this_thread::sleep_for(1ms);
    tasks.done();
  });
  auto r = leak::verify_none(opts);
  auto spinner = find_task(r.tasks, "spinner");
  auto checker = find_task(r.tasks, "checker");
  running = false;
  ctx_pair.second();
  tasks.wait();
  ASSERT_TRUE(spinner && checker);
  EXPECT_TRUE(spinner->possible_loop);
  EXPECT_FALSE(checker->possible_loop);
  EXPECT_NE(r.to_string().find("[possible loop]"), std::string::npos);
}

TEST(LeakMonitor, CallsBackAboveTheThreshold) {
  std::atomic<std::size_t> worst{0};
  auto release = tether::make_chan<int>();
  {
    leak::monitor m(2, 5ms, [&](const leak::monitor::sample &s) {
      worst = std::max<std::size_t>(worst, s.current - s.baseline);
    });
    tether::go([release] { (void)release.recv(); });
    std::this_thread::sleep_for(30ms);
    EXPECT_EQ(worst.load(), 0u); // one extra task: under the threshold
    for (int i = 0; i < 4; ++i)
      tether::go([release] { (void)release.recv(); });
    const auto give_up = std::chrono::steady_clock::now() + 20s;
    while (worst.load() < 3 && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(1ms);
  }
  EXPECT_GE(worst.load(), 3u);
  release.close();
}
