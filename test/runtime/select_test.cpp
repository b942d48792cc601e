// select: uniform choice among ready cases, losing cases consume nothing,
// nil cases never ready, default, blocking selects woken by every kind of
// case, any number of cases.
#include "test_util.hpp"

#include <array>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using tether::chan_status;
using tether_test::go_and_wait_parked;
using tether_test::scaled;
using tether_test::short_while;

TEST(Select, FairnessBetweenTwoAlwaysReadyChannels) {
  // Closed channels are always ready to receive from.
  constexpr int selects = 100'000; // not scaled: the rule names this number
  auto a = tether::make_chan<int>();
  auto b = tether::make_chan<int>();
  a.close();
  b.close();
  std::array<int, 2> hits{};
  for (int i = 0; i < selects; ++i)
    ++hits[tether::select(tether::on_recv(a), tether::on_recv(b))];
  EXPECT_EQ(hits[0] + hits[1], selects);
  EXPECT_GE(hits[0], selects * 48 / 100) << hits[0] << " vs " << hits[1];
  EXPECT_LE(hits[0], selects * 52 / 100) << hits[0] << " vs " << hits[1];
}

TEST(Select, FairnessBetweenTwoBufferedChannelsWithValues) {
  constexpr int selects = 100'000;
  auto a = tether::make_chan<int>(1);
  auto b = tether::make_chan<int>(1);
  a.send(0);
  b.send(1);
  std::array<int, 2> hits{};
  for (int i = 0; i < selects; ++i) {
    int got = -1;
    int taken = tether::select(tether::on_recv(a, [&](int v) { got = v; }),
                               tether::on_recv(b, [&](int v) { got = v; }));
    ASSERT_EQ(got, taken);
    ++hits[taken];
    (taken == 0 ? a : b).send(taken); // always ready again
  }
  EXPECT_GE(hits[0], selects * 48 / 100) << hits[0] << " vs " << hits[1];
  EXPECT_LE(hits[0], selects * 52 / 100) << hits[0] << " vs " << hits[1];
}

// A buffered channel's case is polled without its lock, an unbuffered one's
// under it: that must not favour the buffered case.
TEST(Select, FairnessBetweenBufferedAndUnbufferedCases) {
  constexpr int selects = 100'000;
  auto buffered = tether::make_chan<int>(1);
  auto unbuffered = tether::make_chan<int>();
  buffered.send(0);
  unbuffered.close(); // always ready
  std::array<int, 2> hits{};
  for (int i = 0; i < selects; ++i) {
    const int taken =
        tether::select(tether::on_recv(buffered), tether::on_recv(unbuffered));
    ++hits[taken];
    if (taken == 0)
      buffered.send(0);
  }
  EXPECT_GE(hits[0], selects * 48 / 100) << hits[0] << " vs " << hits[1];
  EXPECT_LE(hits[0], selects * 52 / 100) << hits[0] << " vs " << hits[1];
}

TEST(Select, FairnessAmongManyCases) {
  constexpr int cases = 12;
  constexpr int selects = tether_test::sanitized ? 12'000 : 60'000;
  std::vector<tether::chan<int>> chans;
  for (int i = 0; i < cases; ++i) {
    chans.push_back(tether::make_chan<int>());
    chans.back().close();
  }
  std::array<int, cases> hits{};
  for (int i = 0; i < selects; ++i)
    ++hits[tether::select(tether::on_recv(chans[0]), tether::on_recv(chans[1]),
                          tether::on_recv(chans[2]), tether::on_recv(chans[3]),
                          tether::on_recv(chans[4]), tether::on_recv(chans[5]),
                          tether::on_recv(chans[6]), tether::on_recv(chans[7]),
                          tether::on_recv(chans[8]), tether::on_recv(chans[9]),
                          tether::on_recv(chans[10]),
                          tether::on_recv(chans[11]))];
  for (int h : hits) { // expected 5000 each; 20% slack is > 10 sigma
    EXPECT_GT(h, selects / cases * 8 / 10);
    EXPECT_LT(h, selects / cases * 12 / 10);
  }
}

TEST(Select, LosingCaseConsumesNothing) {
  for (int round = 0; round < 100; ++round) {
    auto a = tether::make_chan<int>(1);
    auto b = tether::make_chan<int>(1);
    a.send(1);
    b.send(2);
    int got = 0;
    const int taken =
        tether::select(tether::on_recv(a, [&](int v) { got = v; }),
                       tether::on_recv(b, [&](int v) { got = v; }));
    EXPECT_EQ(got, taken + 1);
    EXPECT_EQ((taken == 0 ? a : b).size(), 0u);
    EXPECT_EQ((taken == 0 ? b : a).size(), 1u);
  }
}

TEST(Select, LosingSendCaseSendsNothing) {
  for (int round = 0; round < 100; ++round) {
    auto a = tether::make_chan<int>(1);
    auto b = tether::make_chan<int>(1);
    const int taken =
        tether::select(tether::on_send(a, 1), tether::on_send(b, 2));
    EXPECT_EQ((taken == 0 ? a : b).size(), 1u);
    EXPECT_EQ((taken == 0 ? b : a).size(), 0u);
  }
}

TEST(Select, LosingCasesOfBlockedSelectConsumeNothing) {
  auto a = tether::make_chan<int>();
  auto b = tether::make_chan<int>();
  auto taken = tether::make_chan<int>(1);
  go_and_wait_parked([a, b, taken] {
    taken.send(tether::select(tether::on_recv(a), tether::on_recv(b)));
  });
  a.send(1);
  EXPECT_EQ(taken.recv(), 0);
  // The b case was withdrawn: nobody waits on b any more.
  EXPECT_FALSE(b.try_send(2));
}

TEST(Select, DefaultTakenOnlyWhenNothingIsReady) {
  auto ch = tether::make_chan<int>(1);
  bool defaulted = false;
  EXPECT_EQ(tether::select(tether::on_recv(ch),
                           tether::on_default([&] { defaulted = true; })),
            1);
  EXPECT_TRUE(defaulted);
  ch.send(5);
  int got = 0;
  for (int i = 0; i < 50; ++i) { // the default never wins over a ready case
    EXPECT_EQ(tether::select(tether::on_default(),
                             tether::on_recv(ch, [&](int v) { got = v; })),
              1);
    EXPECT_EQ(got, 5);
    ch.send(5);
  }
}

TEST(Select, DefaultAloneDoesNotBlock) {
  bool ran = false;
  EXPECT_EQ(tether::select(tether::on_default([&] { ran = true; })), 0);
  EXPECT_TRUE(ran);
}

TEST(Select, NilCasesAreNeverReady) {
  tether::chan<int> nil;
  EXPECT_EQ(tether::select(tether::on_recv(nil), tether::on_send(nil, 1),
                           tether::on_default()),
            2);
  auto [ctx, cancel] = tether::with_timeout(tether::background(), short_while);
  EXPECT_EQ(tether::select(tether::on_recv(nil), tether::on_send(nil, 1),
                           tether::on_done(ctx)),
            2);
  cancel();
  // A nil case next to a ready one: the ready one, every time.
  auto ready = tether::make_chan<int>();
  ready.close();
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(tether::select(tether::on_recv(nil), tether::on_recv(ready),
                             tether::on_send(nil, 1)),
              1);
}

TEST(Select, BlockingSelectWokenBySend) {
  auto a = tether::make_chan<int>();
  auto b = tether::make_chan<std::string>();
  auto result = tether::make_chan<std::string>(1);
  go_and_wait_parked([a, b, result] {
    std::string got;
    (void)tether::select(
        tether::on_recv(a, [&](int v) { got = std::to_string(v); }),
        tether::on_recv(b, [&](std::string v) { got = v; }));
    result.send(got);
  });
  b.send("hello");
  EXPECT_EQ(result.recv(), "hello");
}

TEST(Select, BlockingSelectWokenByReceive) {
  auto a = tether::make_chan<int>();
  auto b = tether::make_chan<int>();
  auto taken = tether::make_chan<int>(1);
  go_and_wait_parked([a, b, taken] {
    taken.send(tether::select(tether::on_send(a, 10), tether::on_send(b, 20)));
  });
  EXPECT_EQ(b.recv(), 20);
  EXPECT_EQ(taken.recv(), 1);
  EXPECT_FALSE(a.try_recv()) << "the losing send must be withdrawn";
}

TEST(Select, BlockingSelectWokenByClose) {
  auto a = tether::make_chan<int>();
  auto b = tether::make_chan<int>();
  auto result = tether::make_chan<std::pair<int, bool>>(1);
  go_and_wait_parked([a, b, result] {
    bool empty = false;
    int taken = tether::select(tether::on_recv(a),
                               tether::on_recv(b, [&](std::optional<int> v) {
                                 empty = !v.has_value();
                               }));
    result.send({taken, empty});
  });
  b.close();
  EXPECT_EQ(result.recv(), std::make_pair(1, true));
}

TEST(Select, ValueHandlerGetsZeroValueFromClosedChannel) {
  auto ch = tether::make_chan<int>();
  ch.close();
  int got = -1;
  (void)tether::select(tether::on_recv(ch, [&](int v) { got = v; }));
  EXPECT_EQ(got, 0);
  std::string s = "unchanged";
  auto strings = tether::make_chan<std::string>();
  strings.close();
  (void)tether::select(tether::on_recv(strings, [&](std::string v) { s = v; }));
  EXPECT_EQ(s, "");
  auto buffered = tether::make_chan<int>(2);
  buffered.send(7);
  buffered.close();
  (void)tether::select(tether::on_recv(buffered, [&](int v) { got = v; }));
  EXPECT_EQ(got, 7) << "a value sent before close is still received";
  (void)tether::select(tether::on_recv(buffered, [&](int v) { got = v; }));
  EXPECT_EQ(got, 0);
}

TEST(Select, SendCaseOnClosedChannelThrows) {
  auto ch = tether::make_chan<int>(1);
  ch.close();
  EXPECT_THROW((void)tether::select(tether::on_send(ch, 1)),
               tether::closed_channel_error);
  EXPECT_THROW(
      (void)tether::select(tether::on_send(ch, 1), tether::on_default()),
      tether::closed_channel_error);
}

TEST(Select, BlockedSendCaseThrowsWhenChannelCloses) {
  auto ch = tether::make_chan<int>();
  auto other = tether::make_chan<int>();
  auto outcome = tether::make_chan<std::string>(1);
  go_and_wait_parked([ch, other, outcome] {
    try {
      (void)tether::select(tether::on_send(ch, 1), tether::on_recv(other));
      outcome.send("returned");
    } catch (const tether::closed_channel_error &error) {
      outcome.send(error.what());
    }
  });
  ch.close();
  EXPECT_EQ(outcome.recv(), "send on closed channel");
  EXPECT_FALSE(other.try_send(1)) << "the receive case must be withdrawn";
}

TEST(Select, DoneCaseTakenOnCancel) {
  auto ch = tether::make_chan<int>();
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto taken = tether::make_chan<int>(1);
  go_and_wait_parked([ch, ctx, taken] {
    bool ran = false;
    int i = tether::select(tether::on_recv(ch),
                           tether::on_done(ctx, [&] { ran = true; }));
    taken.send(ran ? i : -1);
  });
  cancel();
  EXPECT_EQ(taken.recv(), 1);
}

TEST(Select, DoneCaseOfBackgroundIsNeverReady) {
  EXPECT_EQ(tether::select(tether::on_done(tether::background()),
                           tether::on_default()),
            1);
}

TEST(Select, StopCaseTakenOnStopRequest) {
  auto ch = tether::make_chan<int>();
  std::stop_source source;
  auto taken = tether::make_chan<int>(1);
  go_and_wait_parked([ch, token = source.get_token(), taken] {
    taken.send(tether::select(tether::on_recv(ch), tether::on_stop(token)));
  });
  source.request_stop();
  EXPECT_EQ(taken.recv(), 1);
  EXPECT_EQ(
      tether::select(tether::on_recv(ch), tether::on_stop(source.get_token())),
      1);
  EXPECT_EQ(
      tether::select(tether::on_stop(std::stop_token()), tether::on_default()),
      1);
}

TEST(Select, ManyCasesOneReady) {
  // More cases than the select keeps on its stack.
  std::vector<tether::chan<int>> c;
  for (int i = 0; i < 20; ++i)
    c.push_back(tether::make_chan<int>(1));
  for (int ready = 0; ready < 20; ++ready) {
    c[ready].send(ready);
    int got = -1;
    auto h = [&](int v) { got = v; };
    int taken =
        tether::select(tether::on_recv(c[0], h), tether::on_recv(c[1], h),
                       tether::on_recv(c[2], h), tether::on_recv(c[3], h),
                       tether::on_recv(c[4], h), tether::on_recv(c[5], h),
                       tether::on_recv(c[6], h), tether::on_recv(c[7], h),
                       tether::on_recv(c[8], h), tether::on_recv(c[9], h),
                       tether::on_recv(c[10], h), tether::on_recv(c[11], h),
                       tether::on_recv(c[12], h), tether::on_recv(c[13], h),
                       tether::on_recv(c[14], h), tether::on_recv(c[15], h),
                       tether::on_recv(c[16], h), tether::on_recv(c[17], h),
                       tether::on_recv(c[18], h), tether::on_recv(c[19], h));
    EXPECT_EQ(taken, ready);
    EXPECT_EQ(got, ready);
  }
}

TEST(Select, ManyCasesBlockingThenWoken) {
  std::vector<tether::chan<int>> c;
  for (int i = 0; i < 12; ++i)
    c.push_back(tether::make_chan<int>());
  auto taken = tether::make_chan<int>(1);
  go_and_wait_parked([c, taken] {
    taken.send(tether::select(
        tether::on_recv(c[0]), tether::on_recv(c[1]), tether::on_recv(c[2]),
        tether::on_recv(c[3]), tether::on_recv(c[4]), tether::on_recv(c[5]),
        tether::on_send(c[6], 6), tether::on_send(c[7], 7),
        tether::on_send(c[8], 8), tether::on_send(c[9], 9),
        tether::on_send(c[10], 10), tether::on_send(c[11], 11)));
  });
  EXPECT_EQ(c[9].recv(), 9);
  EXPECT_EQ(taken.recv(), 9);
  for (auto &ch : c)
    EXPECT_EQ(ch.try_recv().status, chan_status::would_block);
}

TEST(Select, MixedSendAndReceiveStress) {
  // Producers select-send over two channels, consumers select-receive over
  // both: every value arrives exactly once.
  const int per_producer = scaled(5000);
  constexpr int producers = 4, consumers = 4;
  auto a = tether::make_chan<int>();
  auto b = tether::make_chan<int>(3);
  auto quit = tether::make_chan<int>();
  auto counts = tether::make_chan<std::vector<int>>(consumers);
  tether::wait_group sent;
  for (int p = 0; p < producers; ++p)
    sent.go([=] {
      for (int i = 0; i < per_producer; ++i)
        (void)tether::select(tether::on_send(a, i), tether::on_send(b, i));
    });
  for (int k = 0; k < consumers; ++k)
    tether::go([=] {
      std::vector<int> seen(per_producer);
      for (bool more = true; more;)
        (void)tether::select(tether::on_recv(a, [&](int v) { ++seen[v]; }),
                             tether::on_recv(b, [&](int v) { ++seen[v]; }),
                             tether::on_recv(quit, [&] { more = false; }));
      // Drain what is still buffered in b after the producers finished.
      while (auto v = b.try_recv())
        ++seen[*v];
      counts.send(std::move(seen));
    });
  sent.wait();
  quit.close();
  std::vector<int> total(per_producer);
  for (int k = 0; k < consumers; ++k) {
    auto seen = *counts.recv();
    for (int i = 0; i < per_producer; ++i)
      total[i] += seen[i];
  }
  for (int i = 0; i < per_producer; ++i)
    ASSERT_EQ(total[i], producers) << "value " << i;
}

TEST(Select, PlainThreadsSelectAgainstTasks) {
  const int n = scaled(500);
  auto a = tether::make_chan<int>();
  auto b = tether::make_chan<int>();
  std::thread sender([=] {
    for (int i = 0; i < n; ++i)
      (void)tether::select(tether::on_send(a, i), tether::on_send(b, i));
    a.close();
    b.close();
  });
  auto sum = tether::make_chan<long>(1);
  tether::go([=] {
    long s = 0;
    int open = 2;
    tether::chan<int> ra = a, rb = b;
    while (open > 0)
      (void)tether::select(tether::on_recv(ra,
                                           [&](std::optional<int> v) {
                                             if (v)
                                               s += *v;
                                             else
                                               --open, ra = {};
                                           }),
                           tether::on_recv(rb, [&](std::optional<int> v) {
                             if (v)
                               s += *v;
                             else
                               --open, rb = {};
                           }));
    sum.send(s);
  });
  EXPECT_EQ(sum.recv(), static_cast<long>(n) * (n - 1) / 2);
  sender.join();
}
