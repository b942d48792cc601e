// Timers, tickers, after, tick and sleeps. Lower bounds are exact (nothing
// fires early); upper bounds are generous, as the tests share a small
// machine with other work.
#include "test_util.hpp"

#include <stdexcept>
#include <vector>

using namespace std::chrono_literals;
using tether::chan_status;
using steady = tether::clock;
using tether_test::recv_within;
using tether_test::short_while;

namespace {

/// Much more than any delay a loaded machine adds to a short timer.
constexpr auto late = 2s;

} // namespace

TEST(Time, TimerFiresOnceAfterItsDuration) {
  const auto start = steady::now();
  tether::timer t(20ms);
  auto fired = t.chan().recv();
  const auto end = steady::now();
  ASSERT_TRUE(fired);
  EXPECT_GE(*fired - start, 20ms);
  EXPECT_GE(end - start, 20ms);
  EXPECT_LT(end - start, 20ms + late);
  EXPECT_LE(*fired, end);
  // One shot: nothing more arrives.
  EXPECT_EQ(recv_within(t.chan(), short_while), std::nullopt);
  EXPECT_FALSE(t.stop()) << "already fired";
}

TEST(Time, TimerStopBeforeFiring) {
  tether::timer t(20ms);
  EXPECT_TRUE(t.stop());
  EXPECT_FALSE(t.stop());
  EXPECT_EQ(recv_within(t.chan(), 60ms), std::nullopt);
  EXPECT_EQ(t.chan().try_recv().status, chan_status::would_block)
      << "stop does not close the channel";
}

TEST(Time, TimerReset) {
  tether::timer t(1h);
  const auto start = steady::now();
  EXPECT_TRUE(t.reset(10ms)) << "was active";
  auto fired = t.chan().recv();
  ASSERT_TRUE(fired);
  EXPECT_GE(*fired - start, 10ms);
  EXPECT_LT(steady::now() - start, 10ms + late);
  EXPECT_FALSE(t.reset(10ms)) << "had fired";
  EXPECT_TRUE(t.chan().recv());
  t.stop();
}

TEST(Time, TimerResetAfterStop) {
  tether::timer t(1h);
  EXPECT_TRUE(t.stop());
  EXPECT_FALSE(t.reset(5ms));
  EXPECT_TRUE(t.chan().recv());
}

TEST(Time, TimerMovesKeepTheirState) {
  tether::timer a(5ms);
  tether::timer b(std::move(a));
  EXPECT_TRUE(b.chan().recv());
  tether::timer c(1h);
  c = std::move(b);
  EXPECT_FALSE(c.stop()) << "the moved-in timer had fired";
}

TEST(Time, AfterDeliversOnce) {
  const auto start = steady::now();
  auto ch = tether::after(15ms);
  auto fired = ch.recv();
  ASSERT_TRUE(fired);
  EXPECT_GE(*fired - start, 15ms);
  EXPECT_LT(steady::now() - start, 15ms + late);
  EXPECT_EQ(recv_within(ch, short_while), std::nullopt);
}

TEST(Time, AfterInSelectAsTimeout) {
  auto never = tether::make_chan<int>();
  const auto start = steady::now();
  EXPECT_EQ(tether::select(tether::on_recv(never),
                           tether::on_recv(tether::after(10ms))),
            1);
  EXPECT_GE(steady::now() - start, 10ms);
}

TEST(Time, ManyTimersEachFireNoEarlierThanDue) {
  const int n = tether_test::scaled(500, 5);
  const auto start = steady::now();
  std::vector<tether::recv_chan<steady::time_point>> chans;
  std::vector<steady::duration> due;
  for (int i = 0; i < n; ++i) {
    due.push_back(std::chrono::microseconds((i * 7919) % 30000));
    chans.push_back(tether::after(due.back()));
  }
  for (int i = 0; i < n; ++i) {
    auto fired = chans[i].recv();
    ASSERT_TRUE(fired);
    EXPECT_GE(*fired - start, due[i]);
  }
  EXPECT_LT(steady::now() - start, 30ms + late);
}

TEST(Time, TickerFiresRepeatedly) {
  constexpr auto period = 10ms;
  const auto start = steady::now();
  tether::ticker t(period);
  steady::time_point previous = start;
  for (int i = 1; i <= 5; ++i) {
    auto tick = t.chan().recv();
    ASSERT_TRUE(tick);
    EXPECT_GT(*tick, previous);
    EXPECT_GE(*tick - start, period * i) << "tick " << i;
    previous = *tick;
  }
  EXPECT_LT(steady::now() - start, 5 * period + late);
}

TEST(Time, TickerChannelHoldsOneTickAndDropsWhileFull) {
  constexpr auto period = 5ms;
  const auto start = steady::now();
  tether::ticker t(period);
  EXPECT_EQ(t.chan().capacity(), 1u);
  tether::sleep(60 * period);
  EXPECT_EQ(t.chan().size(), 1u);
  t.stop();
  const auto stopped = steady::now();
  auto held = t.chan().try_recv();
  ASSERT_EQ(held.status, chan_status::ok);
  // The held tick is an old one: the later ticks were dropped, not queued
  // and not overwriting it.
  EXPECT_LT(*held, start + (stopped - start) / 2);
  EXPECT_EQ(t.chan().try_recv().status, chan_status::would_block);
}

TEST(Time, TickerSkipsMissedTicksAfterSlowReader) {
  constexpr auto period = 5ms;
  tether::ticker t(period);
  tether::sleep(20 * period);
  auto stale = t.chan().recv();
  auto next = t.chan().recv();
  ASSERT_TRUE(stale && next);
  // The next tick comes from the schedule, not from a backlog.
  EXPECT_GE(*next - *stale, period);
}

TEST(Time, TickerStopDoesNotClose) {
  tether::ticker t(5ms);
  ASSERT_TRUE(t.chan().recv());
  t.stop();
  (void)t.chan().try_recv(); // a tick may have landed before the stop
  EXPECT_EQ(recv_within(t.chan(), 50ms), std::nullopt)
      << "no tick after stop, and no close either";
  EXPECT_EQ(t.chan().try_recv().status, chan_status::would_block);
  t.stop(); // harmless twice
}

TEST(Time, TickerReset) {
  tether::ticker t(1h);
  const auto start = steady::now();
  t.reset(10ms);
  auto first = t.chan().recv();
  auto second = t.chan().recv();
  ASSERT_TRUE(first && second);
  EXPECT_GE(*first - start, 10ms);
  EXPECT_GE(*second - start, 20ms);
  EXPECT_LT(steady::now() - start, 20ms + late);
  // reset restarts a stopped ticker too.
  t.stop();
  (void)t.chan().try_recv();
  t.reset(5ms);
  EXPECT_TRUE(t.chan().recv());
}

TEST(Time, TickerRejectsNonPositivePeriod) {
  EXPECT_THROW(tether::ticker(0s), std::invalid_argument);
  EXPECT_THROW(tether::ticker(-1ms), std::invalid_argument);
  tether::ticker t(1h);
  EXPECT_THROW(t.reset(0s), std::invalid_argument);
  EXPECT_THROW((void)tether::tick(0s), std::invalid_argument);
}

TEST(Time, TickerDestructorStops) {
  tether::recv_chan<steady::time_point> ch;
  {
    tether::ticker t(5ms);
    ch = t.chan();
    ASSERT_TRUE(ch.recv());
  }
  (void)ch.try_recv();
  EXPECT_EQ(recv_within(ch, 50ms), std::nullopt);
}

TEST(Time, TickerMoveAssignmentStopsTheOverwrittenTicker) {
  tether::ticker a(5ms);
  auto a_chan = a.chan();
  tether::ticker b(1h);
  a = std::move(b); // a's old ticker stops; a now holds b's
  (void)a_chan.try_recv();
  EXPECT_EQ(recv_within(a_chan, 50ms), std::nullopt);
}

TEST(Time, TickDeliversRepeatedly) {
  const auto start = steady::now();
  auto ch = tether::tick(5ms);
  for (int i = 1; i <= 3; ++i) {
    auto tick = ch.recv();
    ASSERT_TRUE(tick);
    EXPECT_GE(*tick - start, 5ms * i);
  }
  EXPECT_EQ(ch.capacity(), 1u);
}

TEST(Time, SleepWaitsAtLeastItsDuration) {
  auto start = steady::now();
  tether::sleep(15ms);
  EXPECT_GE(steady::now() - start, 15ms);
  EXPECT_LT(steady::now() - start, 15ms + late);
  // In a task too.
  auto elapsed = tether::make_chan<steady::duration>(1);
  tether::go([elapsed] {
    auto begin = steady::now();
    tether::sleep(15ms);
    elapsed.send(steady::now() - begin);
  });
  EXPECT_GE(*elapsed.recv(), 15ms);
}

TEST(Time, SleepingTasksDoNotBlockOtherTasks) {
  // More sleeping tasks than workers: they must not hold the workers.
  constexpr int n = 64;
  tether::wait_group wg;
  const auto start = steady::now();
  for (int i = 0; i < n; ++i)
    wg.go([] { tether::sleep(20ms); });
  wg.wait();
  EXPECT_GE(steady::now() - start, 20ms);
  EXPECT_LT(steady::now() - start, 20ms + late) << "sleeps ran one by one";
}

TEST(Time, SleepWithContextReturnsEarlyOnCancel) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  tether::go([cancel] {
    tether::sleep(5ms);
    cancel();
  });
  const auto start = steady::now();
  EXPECT_EQ(tether::sleep(ctx, 1h), tether::errc::canceled);
  EXPECT_LT(steady::now() - start, late);
}

TEST(Time, SleepWithContextReturnsDeadlineExceeded) {
  const auto start = steady::now(); // before the deadline is computed
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 10ms);
  EXPECT_EQ(tether::sleep(ctx, 1h), tether::errc::deadline_exceeded);
  EXPECT_GE(steady::now() - start, 10ms);
  cancel();
}

TEST(Time, SleepWithContextFullDuration) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  const auto start = steady::now();
  EXPECT_FALSE(tether::sleep(ctx, 10ms));
  EXPECT_GE(steady::now() - start, 10ms);
  EXPECT_FALSE(tether::sleep(tether::background(), 1ms));
  cancel();
}

TEST(Time, SleepWithCancelledContextReturnsAtOnce) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  cancel();
  const auto start = steady::now();
  EXPECT_EQ(tether::sleep(ctx, 1h), tether::errc::canceled);
  EXPECT_LT(steady::now() - start, late);
}

TEST(Time, SleepWithContextFromPlainThread) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  std::error_code result;
  std::thread sleeper([&, ctx] { result = tether::sleep(ctx, 1h); });
  std::this_thread::sleep_for(5ms);
  cancel();
  sleeper.join();
  EXPECT_EQ(result, tether::errc::canceled);
}
