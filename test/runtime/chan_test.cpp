// chan<T>: rendezvous, buffering, FIFO order of waiting parties, close,
// nil channels, non-blocking and cancellable operations, move-only values,
// plain threads and tasks mixed.
#include "test_util.hpp"

#include <memory>
#include <mutex>
#include <numeric>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using tether::chan_status;
using tether_test::go_and_wait_parked;
using tether_test::recv_within;
using tether_test::scaled;
using tether_test::short_while;

TEST(Chan, UnbufferedRendezvousBetweenTasks) {
  auto ch = tether::make_chan<int>();
  tether::go([ch] { ch.send(42); });
  EXPECT_EQ(ch.recv(), 42);
}

TEST(Chan, UnbufferedSendWaitsForReceiver) {
  auto ch = tether::make_chan<int>();
  auto sent = tether::make_chan<int>(1);
  go_and_wait_parked([ch, sent] {
    ch.send(1);
    sent.send(1);
  });
  EXPECT_EQ(sent.try_recv().status, chan_status::would_block);
  EXPECT_EQ(ch.recv(), 1);
  EXPECT_EQ(sent.recv(), 1);
}

TEST(Chan, BufferedSendsWithoutReceiverUpToCapacity) {
  auto ch = tether::make_chan<int>(3);
  EXPECT_EQ(ch.capacity(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(ch.size(), static_cast<std::size_t>(i));
    ch.send(i);
  }
  EXPECT_EQ(ch.size(), 3u);
  EXPECT_FALSE(ch.try_send(3));
  EXPECT_EQ(ch.size(), 3u);
}

TEST(Chan, BufferedFullSendBlocksUntilRoom) {
  auto ch = tether::make_chan<int>(1);
  ch.send(0);
  auto sent = tether::make_chan<int>(1);
  go_and_wait_parked([ch, sent] {
    ch.send(1);
    sent.send(1);
  });
  EXPECT_EQ(sent.try_recv().status, chan_status::would_block);
  EXPECT_EQ(ch.recv(), 0);
  EXPECT_EQ(sent.recv(), 1);
  EXPECT_EQ(ch.recv(), 1);
  EXPECT_EQ(ch.size(), 0u);
}

TEST(Chan, FifoOrderOfWaitingReceivers) {
  constexpr int n = 20;
  auto ch = tether::make_chan<int>();
  auto results = tether::make_chan<std::pair<int, int>>(n);
  for (int i = 0; i < n; ++i)
    go_and_wait_parked([ch, results, i] { results.send({i, *ch.recv()}); });
  for (int i = 0; i < n; ++i)
    ch.send(i);
  for (int i = 0; i < n; ++i) {
    auto [who, value] = *results.recv();
    EXPECT_EQ(who, value) << "receiver " << who << " got " << value;
  }
}

TEST(Chan, FifoOrderOfWaitingSendersUnbuffered) {
  constexpr int n = 20;
  auto ch = tether::make_chan<int>();
  for (int i = 0; i < n; ++i)
    go_and_wait_parked([ch, i] { ch.send(i); });
  for (int i = 0; i < n; ++i)
    EXPECT_EQ(ch.recv(), i);
}

TEST(Chan, FifoOrderOfWaitingSendersBehindFullBuffer) {
  constexpr int n = 20;
  auto ch = tether::make_chan<int>(2);
  ch.send(-2);
  ch.send(-1);
  for (int i = 0; i < n; ++i)
    go_and_wait_parked([ch, i] { ch.send(i); });
  for (int i = -2; i < n; ++i)
    EXPECT_EQ(ch.recv(), i);
  EXPECT_EQ(ch.size(), 0u);
}

TEST(Chan, FifoOrderOfWaitingSelectReceivers) {
  constexpr int n = 10;
  auto ch = tether::make_chan<int>();
  auto other = tether::make_chan<int>();
  auto results = tether::make_chan<std::pair<int, int>>(n);
  for (int i = 0; i < n; ++i)
    go_and_wait_parked([ch, other, results, i] {
      int got = -1;
      (void)tether::select(tether::on_recv(other, [&](int v) { got = v; }),
                           tether::on_recv(ch, [&](int v) { got = v; }));
      results.send({i, got});
    });
  for (int i = 0; i < n; ++i)
    ch.send(i);
  for (int i = 0; i < n; ++i) {
    auto [who, value] = *results.recv();
    EXPECT_EQ(who, value);
  }
}

TEST(Chan, RecvDrainsBufferAfterClose) {
  auto ch = tether::make_chan<int>(3);
  ch.send(1);
  ch.send(2);
  ch.close();
  EXPECT_EQ(ch.recv(), 1);
  EXPECT_EQ(ch.recv(), 2);
  EXPECT_EQ(ch.recv(), std::nullopt);
  EXPECT_EQ(ch.recv(), std::nullopt);
}

TEST(Chan, CloseWakesEveryBlockedReceiver) {
  constexpr int n = 16;
  auto ch = tether::make_chan<int>();
  tether::wait_group wg;
  std::atomic<int> woken_empty{0};
  wg.add(n);
  for (int i = 0; i < n; ++i)
    go_and_wait_parked([&, ch] {
      if (!ch.recv())
        ++woken_empty;
      wg.done();
    });
  ch.close();
  wg.wait();
  EXPECT_EQ(woken_empty.load(), n);
}

TEST(Chan, CloseWakesEveryBlockedSenderWithError) {
  for (std::size_t capacity : {0u, 2u}) {
    constexpr int n = 16;
    auto ch = tether::make_chan<int>(capacity);
    for (std::size_t i = 0; i < capacity; ++i)
      ch.send(-1);
    tether::wait_group wg;
    std::atomic<int> threw{0};
    wg.add(n);
    for (int i = 0; i < n; ++i)
      go_and_wait_parked([&, ch, i] {
        try {
          ch.send(i);
        } catch (const tether::closed_channel_error &error) {
          if (std::string(error.what()) == "send on closed channel")
            ++threw;
        }
        wg.done();
      });
    ch.close();
    wg.wait();
    EXPECT_EQ(threw.load(), n) << "capacity " << capacity;
    // The buffered values survive the close; the blocked sends do not.
    for (std::size_t i = 0; i < capacity; ++i)
      EXPECT_EQ(ch.recv(), -1);
    EXPECT_EQ(ch.recv(), std::nullopt);
  }
}

TEST(Chan, CloseWakesBlockedReceiversAndSendersOnPlainThreads) {
  auto in = tether::make_chan<int>();
  auto out = tether::make_chan<int>();
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, in] {
      if (!in.recv())
        ++done;
    });
    threads.emplace_back([&, out] {
      try {
        out.send(1);
      } catch (const tether::closed_channel_error &) {
        ++done;
      }
    });
  }
  // Closing before every thread has blocked is fine too: each then sees a
  // closed channel straight away.
  std::this_thread::sleep_for(short_while);
  in.close();
  out.close();
  for (auto &t : threads)
    t.join();
  EXPECT_EQ(done.load(), 6);
}

TEST(Chan, SendOnClosedThrows) {
  auto ch = tether::make_chan<int>(1);
  ch.close();
  try {
    ch.send(1);
    FAIL() << "send on a closed channel returned";
  } catch (const tether::closed_channel_error &error) {
    EXPECT_STREQ(error.what(), "send on closed channel");
  }
  EXPECT_THROW((void)ch.try_send(1), tether::closed_channel_error);
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  EXPECT_THROW((void)ch.send(ctx, 1), tether::closed_channel_error);
  cancel();
}

TEST(Chan, CloseOfClosedOrNilThrows) {
  auto ch = tether::make_chan<int>();
  ch.close();
  try {
    ch.close();
    FAIL() << "second close returned";
  } catch (const tether::close_error &error) {
    EXPECT_STREQ(error.what(), "close of closed channel");
  }
  tether::chan<int> nil;
  try {
    nil.close();
    FAIL() << "close of nil returned";
  } catch (const tether::close_error &error) {
    EXPECT_STREQ(error.what(), "close of nil channel");
  }
}

TEST(Chan, NilChannelIsNeverReady) {
  tether::chan<int> nil;
  EXPECT_FALSE(nil);
  EXPECT_EQ(nil.capacity(), 0u);
  EXPECT_EQ(nil.size(), 0u);
  EXPECT_FALSE(nil.try_send(1));
  EXPECT_EQ(nil.try_recv().status, chan_status::would_block);
  auto [ctx, cancel] = tether::with_timeout(tether::background(), short_while);
  EXPECT_EQ(nil.recv(ctx).status, chan_status::cancelled);
  EXPECT_EQ(nil.send(ctx, 1), chan_status::cancelled);
  cancel();
  std::stop_source stop;
  stop.request_stop();
  EXPECT_EQ(nil.recv(stop.get_token()).status, chan_status::cancelled);
}

TEST(Chan, NilChannelBlocksForever) {
  // These tasks stay blocked for the rest of the process, on purpose.
  tether::chan<int> nil;
  auto finished = tether::make_chan<int>(2);
  tether::go("intentionally-blocked-forever", [nil, finished] {
    (void)nil.recv();
    finished.send(1);
  });
  tether::go("intentionally-blocked-forever", [nil, finished] {
    nil.send(1);
    finished.send(2);
  });
  EXPECT_EQ(recv_within(finished.recv_only(), 10 * short_while), std::nullopt);
}

TEST(Chan, HandlesCompareByChannel) {
  auto a = tether::make_chan<int>();
  auto b = a;
  auto c = tether::make_chan<int>();
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == c);
  EXPECT_TRUE(tether::chan<int>() == tether::chan<int>());
  tether::recv_chan<int> view = a.recv_only();
  EXPECT_TRUE(view == a);
}

TEST(Chan, TryStatuses) {
  auto ch = tether::make_chan<int>(1);
  EXPECT_EQ(ch.try_recv().status, chan_status::would_block);
  EXPECT_TRUE(ch.try_send(7));
  EXPECT_FALSE(ch.try_send(8));
  auto got = ch.try_recv();
  EXPECT_EQ(got.status, chan_status::ok);
  EXPECT_TRUE(got);
  EXPECT_EQ(*got, 7);
  EXPECT_TRUE(ch.try_send(9));
  ch.close();
  got = ch.try_recv();
  EXPECT_EQ(got.status, chan_status::ok);
  EXPECT_EQ(*got, 9);
  got = ch.try_recv();
  EXPECT_EQ(got.status, chan_status::closed);
  EXPECT_FALSE(got);
  EXPECT_FALSE(got.value);
}

TEST(Chan, TrySendToWaitingReceiverOnUnbuffered) {
  auto ch = tether::make_chan<int>();
  EXPECT_FALSE(ch.try_send(1)) << "no receiver yet";
  auto got = tether::make_chan<int>(1);
  go_and_wait_parked([ch, got] { got.send(*ch.recv()); });
  EXPECT_TRUE(ch.try_send(5));
  EXPECT_EQ(got.recv(), 5);
}

TEST(Chan, TryRecvFromWaitingSenderOnUnbuffered) {
  auto ch = tether::make_chan<int>();
  EXPECT_EQ(ch.try_recv().status, chan_status::would_block);
  go_and_wait_parked([ch] { ch.send(6); });
  auto got = ch.try_recv();
  ASSERT_EQ(got.status, chan_status::ok);
  EXPECT_EQ(*got, 6);
}

TEST(Chan, RecvWithContextGivesUpOnCancel) {
  auto ch = tether::make_chan<int>();
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto result = tether::make_chan<chan_status>(1);
  go_and_wait_parked([ch, ctx, result] { result.send(ch.recv(ctx).status); });
  cancel();
  EXPECT_EQ(result.recv(), chan_status::cancelled);
  // The receive that gave up is gone: a sender now finds no one.
  EXPECT_FALSE(ch.try_send(1));
}

TEST(Chan, SendWithContextGivesUpOnCancelAndDeliversNothing) {
  auto ch = tether::make_chan<int>();
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto result = tether::make_chan<chan_status>(1);
  go_and_wait_parked([ch, ctx, result] { result.send(ch.send(ctx, 1)); });
  cancel();
  EXPECT_EQ(result.recv(), chan_status::cancelled);
  EXPECT_EQ(ch.try_recv().status, chan_status::would_block);
}

TEST(Chan, ContextOperationsSucceedWhenPossible) {
  auto ch = tether::make_chan<int>(1);
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  EXPECT_EQ(ch.send(ctx, 3), chan_status::ok);
  auto got = ch.recv(ctx);
  EXPECT_EQ(got.status, chan_status::ok);
  EXPECT_EQ(*got, 3);
  ch.close();
  EXPECT_EQ(ch.recv(ctx).status, chan_status::closed);
  cancel();
}

TEST(Chan, ContextAlreadyCancelledOnBlockedOperation) {
  auto ch = tether::make_chan<int>();
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  cancel();
  EXPECT_EQ(ch.recv(ctx).status, chan_status::cancelled);
  EXPECT_EQ(ch.send(ctx, 1), chan_status::cancelled);
}

TEST(Chan, TimeoutContextGivesUp) {
  auto ch = tether::make_chan<int>();
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 5ms);
  EXPECT_EQ(ch.recv(ctx).status, chan_status::cancelled);
  EXPECT_EQ(ctx.err(), tether::errc::deadline_exceeded);
  cancel();
}

TEST(Chan, StopTokenOperationsGiveUpOnStop) {
  auto ch = tether::make_chan<int>();
  auto full = tether::make_chan<int>(1);
  full.send(0);
  std::stop_source source;
  auto results = tether::make_chan<chan_status>(2);
  go_and_wait_parked([ch, token = source.get_token(), results] {
    results.send(ch.recv(token).status);
  });
  go_and_wait_parked([full, token = source.get_token(), results] {
    results.send(full.send(token, 1));
  });
  source.request_stop();
  EXPECT_EQ(results.recv(), chan_status::cancelled);
  EXPECT_EQ(results.recv(), chan_status::cancelled);
  // Already stopped: give up at once.
  EXPECT_EQ(ch.recv(source.get_token()).status, chan_status::cancelled);
  EXPECT_EQ(ch.send(source.get_token(), 1), chan_status::cancelled);
}

TEST(Chan, StopTokenOperationsSucceedWhenPossible) {
  auto ch = tether::make_chan<int>();
  std::stop_source source;
  tether::go([ch] { ch.send(4); });
  auto got = ch.recv(source.get_token());
  ASSERT_EQ(got.status, chan_status::ok);
  EXPECT_EQ(*got, 4);
  auto back = tether::make_chan<int>(1);
  tether::go([ch, back] { back.send(*ch.recv()); });
  EXPECT_EQ(ch.send(source.get_token(), 5), chan_status::ok);
  EXPECT_EQ(back.recv(), 5);
}

TEST(Chan, StopTokenFromJthread) {
  auto ch = tether::make_chan<int>();
  std::atomic<int> status{-1};
  {
    std::jthread worker([ch, &status](std::stop_token token) {
      status = static_cast<int>(ch.recv(token).status);
    });
    std::this_thread::sleep_for(short_while);
  } // ~jthread requests stop and joins
  EXPECT_EQ(status.load(), static_cast<int>(chan_status::cancelled));
}

TEST(Chan, MoveOnlyValuesUnbuffered) {
  auto ch = tether::make_chan<std::unique_ptr<int>>();
  tether::go([ch] {
    for (int i = 0; i < 10; ++i)
      ch.send(std::make_unique<int>(i));
    ch.close();
  });
  int expected = 0;
  for (auto &p : ch) {
    ASSERT_TRUE(p);
    EXPECT_EQ(*p, expected++);
  }
  EXPECT_EQ(expected, 10);
}

TEST(Chan, MoveOnlyValuesBuffered) {
  auto ch = tether::make_chan<std::unique_ptr<int>>(4);
  for (int i = 0; i < 4; ++i)
    ch.send(std::make_unique<int>(i));
  EXPECT_FALSE(ch.try_send(std::make_unique<int>(99)));
  auto first = ch.try_recv();
  ASSERT_EQ(first.status, chan_status::ok);
  EXPECT_EQ(**first, 0);
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  EXPECT_EQ(ch.send(ctx, std::make_unique<int>(4)), chan_status::ok);
  for (int i = 1; i <= 4; ++i) {
    auto p = ch.recv(ctx);
    ASSERT_EQ(p.status, chan_status::ok);
    EXPECT_EQ(**p, i);
  }
  cancel();
}

TEST(Chan, MoveOnlyValuesThroughSelect) {
  auto ch = tether::make_chan<std::unique_ptr<int>>();
  auto other = tether::make_chan<std::unique_ptr<int>>();
  tether::go([ch] {
    (void)tether::select(tether::on_send(ch, std::make_unique<int>(11)));
  });
  std::unique_ptr<int> got;
  int taken = tether::select(
      tether::on_recv(other,
                      [&](std::unique_ptr<int> p) { got = std::move(p); }),
      tether::on_recv(ch, [&](std::unique_ptr<int> p) { got = std::move(p); }));
  EXPECT_EQ(taken, 1);
  ASSERT_TRUE(got);
  EXPECT_EQ(*got, 11);
}

TEST(Chan, RangeForUntilClosed) {
  auto ch = tether::make_chan<int>(4);
  const int n = scaled(1000);
  tether::go([ch] {
    for (int i = 0; i < n; ++i)
      ch.send(i);
    ch.close();
  });
  long sum = 0;
  int count = 0;
  for (int v : ch) {
    EXPECT_EQ(v, count);
    sum += v;
    ++count;
  }
  EXPECT_EQ(count, n);
  EXPECT_EQ(sum, static_cast<long>(n) * (n - 1) / 2);
}

TEST(Chan, RangeForOverReceiveOnlyView) {
  auto ch = tether::make_chan<std::string>(3);
  ch.send("a");
  ch.send("b");
  ch.close();
  std::string all;
  for (const std::string &s : ch.recv_only())
    all += s;
  EXPECT_EQ(all, "ab");
}

TEST(Chan, PlainThreadReceivesFromTask) {
  auto ch = tether::make_chan<int>();
  const int n = scaled(1000);
  tether::go([ch] {
    for (int i = 0; i < n; ++i)
      ch.send(i);
    ch.close();
  });
  long sum = 0;
  std::thread receiver([&] {
    for (int v : ch)
      sum += v;
  });
  receiver.join();
  EXPECT_EQ(sum, static_cast<long>(n) * (n - 1) / 2);
}

TEST(Chan, TaskReceivesFromPlainThread) {
  auto ch = tether::make_chan<int>();
  auto total = tether::make_chan<long>(1);
  const int n = scaled(1000);
  tether::go([ch, total] {
    long sum = 0;
    for (int v : ch)
      sum += v;
    total.send(sum);
  });
  std::thread sender([ch] {
    for (int i = 0; i < n; ++i)
      ch.send(i);
    ch.close();
  });
  sender.join();
  EXPECT_EQ(total.recv(), static_cast<long>(n) * (n - 1) / 2);
}

TEST(Chan, PingPongBetweenThreadsAndTasks) {
  // Two plain threads and two tasks pass a counter around a ring.
  const int rounds = scaled(2000);
  std::vector<tether::chan<int>> ring;
  for (int i = 0; i < 4; ++i)
    ring.push_back(tether::make_chan<int>());
  auto hop = [&ring](int at) {
    const auto in = ring[at];
    const auto out = ring[(at + 1) % 4];
    for (int i = 0; i < rounds; ++i) {
      auto v = in.recv();
      if (!v)
        return;
      out.send(*v + 1);
    }
  };
  std::thread t1(hop, 1);
  tether::go(hop, 2);
  std::thread t3(hop, 3);
  auto last = tether::make_chan<int>(1);
  tether::go([&ring, last] {
    int v = 0;
    for (int i = 0; i < rounds; ++i) {
      ring[1].send(v);
      v = *ring[0].recv();
    }
    last.send(v);
  });
  EXPECT_EQ(last.recv(), rounds * 3);
  t1.join();
  t3.join();
}

TEST(Chan, ManyPlainThreadsAndTasksOnOneChannel) {
  const int per_party = scaled(500);
  constexpr int threads = 3, tasks = 3;
  auto ch = tether::make_chan<int>(2);
  auto sums = tether::make_chan<long>(threads + tasks);
  tether::wait_group senders;
  std::vector<std::thread> plain;
  for (int t = 0; t < threads; ++t) {
    senders.add();
    plain.emplace_back([&, ch] {
      for (int i = 1; i <= per_party; ++i)
        ch.send(i);
      senders.done();
    });
  }
  for (int t = 0; t < tasks; ++t)
    senders.go([ch] {
      for (int i = 1; i <= per_party; ++i)
        ch.send(i);
    });
  for (int t = 0; t < threads; ++t)
    plain.emplace_back([ch, sums] {
      long s = 0;
      for (int v : ch)
        s += v;
      sums.send(s);
    });
  for (int t = 0; t < tasks; ++t)
    tether::go([ch, sums] {
      long s = 0;
      for (int v : ch)
        s += v;
      sums.send(s);
    });
  senders.wait();
  ch.close();
  long total = 0;
  for (int i = 0; i < threads + tasks; ++i)
    total += *sums.recv();
  for (auto &t : plain)
    t.join();
  EXPECT_EQ(total, static_cast<long>(threads + tasks) * per_party *
                       (per_party + 1) / 2);
}
