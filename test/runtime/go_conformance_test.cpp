// The behaviours Go's own channel tests check, written afresh for tether:
// test/chan (select3's matrix, fifo, nonblock, doubleselect, sieve, zerosize)
// and runtime/chan_test.go (TestChan, TestSelfSelect, TestMultiConsumer,
// TestSelectDuplicateChannel). "Blocks" is shown by a bounded wait that
// expires (a context or a select with a done case), never by hanging.
#include "test_util.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using tether::chan_status;
using tether_test::go_and_wait_parked;
using tether_test::scaled;
using tether_test::short_while;

namespace {

enum class outcome { proceeds, blocks, throws };

std::string to_string(outcome o) {
  switch (o) {
  case outcome::proceeds:
    return "proceeds";
  case outcome::blocks:
    return "blocks";
  case outcome::throws:
    return "throws";
  }
  return "?";
}

// Lets GoogleTest print outcomes by name.
[[maybe_unused]] void PrintTo(outcome o, std::ostream *os) {
  *os << to_string(o);
}

/// Runs `op`, which is given a context that expires after a short while and
/// must return true if it gave up because of it.
outcome classify(const std::function<bool(const tether::context &)> &op) {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), short_while);
  outcome result;
  try {
    result = op(ctx) ? outcome::blocks : outcome::proceeds;
  } catch (const std::logic_error &) { // closed_channel_error, close_error
    result = outcome::throws;
  }
  cancel();
  return result;
}

/// The channels of select3's matrix.
struct channels {
  tether::chan<int> nil;
  tether::chan<int> closed = tether::make_chan<int>();
  tether::chan<int> unbuffered = tether::make_chan<int>();
  tether::chan<int> empty_buffered = tether::make_chan<int>(1);
  tether::chan<int> full_buffered = tether::make_chan<int>(1);
  channels() {
    closed.close();
    full_buffered.send(1);
  }
};

outcome plain_recv(const tether::chan<int> &ch) {
  return classify([&](const tether::context &ctx) {
    return ch.recv(ctx).status == chan_status::cancelled;
  });
}
outcome plain_send(const tether::chan<int> &ch) {
  return classify([&](const tether::context &ctx) {
    return ch.send(ctx, 7) == chan_status::cancelled;
  });
}
outcome select_recv(const tether::chan<int> &ch) {
  return classify([&](const tether::context &ctx) {
    return tether::select(tether::on_recv(ch), tether::on_done(ctx)) == 1;
  });
}
outcome select_send(const tether::chan<int> &ch) {
  return classify([&](const tether::context &ctx) {
    return tether::select(tether::on_send(ch, 7), tether::on_done(ctx)) == 1;
  });
}
/// With a default case, "blocks" means the default was taken.
outcome select_recv_default(const tether::chan<int> &ch) {
  return classify([&](const tether::context &) {
    return tether::select(tether::on_recv(ch), tether::on_default()) == 1;
  });
}
outcome select_send_default(const tether::chan<int> &ch) {
  return classify([&](const tether::context &) {
    return tether::select(tether::on_send(ch, 7), tether::on_default()) == 1;
  });
}
outcome close_op(const tether::chan<int> &ch) {
  return classify([&](const tether::context &) {
    ch.close();
    return false;
  });
}

} // namespace

TEST(GoSelect3, NilChannel) {
  channels c;
  EXPECT_EQ(plain_recv(c.nil), outcome::blocks);
  EXPECT_EQ(plain_send(c.nil), outcome::blocks);
  EXPECT_EQ(select_recv(c.nil), outcome::blocks);
  EXPECT_EQ(select_send(c.nil), outcome::blocks);
  EXPECT_EQ(select_recv_default(c.nil), outcome::blocks);
  EXPECT_EQ(select_send_default(c.nil), outcome::blocks);
  EXPECT_EQ(close_op(c.nil), outcome::throws);
}

TEST(GoSelect3, ClosedChannel) {
  channels c;
  EXPECT_EQ(plain_recv(c.closed), outcome::proceeds);
  EXPECT_EQ(plain_send(c.closed), outcome::throws);
  EXPECT_EQ(select_recv(c.closed), outcome::proceeds);
  EXPECT_EQ(select_send(c.closed), outcome::throws);
  EXPECT_EQ(select_recv_default(c.closed), outcome::proceeds);
  EXPECT_EQ(select_send_default(c.closed), outcome::throws);
  EXPECT_EQ(close_op(c.closed), outcome::throws);
}

TEST(GoSelect3, UnbufferedChannelWithoutPartner) {
  channels c;
  EXPECT_EQ(plain_recv(c.unbuffered), outcome::blocks);
  EXPECT_EQ(plain_send(c.unbuffered), outcome::blocks);
  EXPECT_EQ(select_recv(c.unbuffered), outcome::blocks);
  EXPECT_EQ(select_send(c.unbuffered), outcome::blocks);
  EXPECT_EQ(select_recv_default(c.unbuffered), outcome::blocks);
  EXPECT_EQ(select_send_default(c.unbuffered), outcome::blocks);
}

TEST(GoSelect3, BufferedChannels) {
  {
    channels c;
    EXPECT_EQ(plain_recv(c.empty_buffered), outcome::blocks);
    EXPECT_EQ(select_recv(c.empty_buffered), outcome::blocks);
    EXPECT_EQ(select_recv_default(c.empty_buffered), outcome::blocks);
    EXPECT_EQ(plain_send(c.empty_buffered), outcome::proceeds);
  }
  for (auto op : {select_send, select_send_default}) {
    channels c;
    EXPECT_EQ(op(c.empty_buffered), outcome::proceeds);
  }
  for (auto op : {plain_send, select_send, select_send_default}) {
    channels c;
    EXPECT_EQ(op(c.full_buffered), outcome::blocks) << "full buffer";
  }
  for (auto op : {plain_recv, select_recv, select_recv_default}) {
    channels c;
    EXPECT_EQ(op(c.full_buffered), outcome::proceeds) << "full buffer";
  }
}

TEST(GoSelect3, UnbufferedChannelWithPartner) {
  for (auto op : {plain_recv, select_recv, select_recv_default}) {
    channels c;
    go_and_wait_parked([ch = c.unbuffered] { ch.send(1); });
    EXPECT_EQ(op(c.unbuffered), outcome::proceeds);
  }
  for (auto op : {plain_send, select_send, select_send_default}) {
    channels c;
    auto got = tether::make_chan<int>(1);
    go_and_wait_parked([ch = c.unbuffered, got] { got.send(*ch.recv()); });
    EXPECT_EQ(op(c.unbuffered), outcome::proceeds);
    EXPECT_EQ(got.recv(), 7);
  }
}

TEST(GoSelect3, EmptySelectWithDefaultDoesNotBlock) {
  EXPECT_EQ(tether::select(tether::on_default()), 0);
}

TEST(GoSelect3, NilCasesNextToReadyAndBlockedOnes) {
  channels c;
  EXPECT_EQ(tether::select(tether::on_recv(c.nil), tether::on_send(c.nil, 1),
                           tether::on_recv(c.closed)),
            2);
  // A select whose only live case blocks, next to nil cases, blocks.
  EXPECT_EQ(classify([&](const tether::context &ctx) {
              return tether::select(
                         tether::on_recv(c.nil), tether::on_recv(c.unbuffered),
                         tether::on_send(c.nil, 1), tether::on_done(ctx)) == 3;
            }),
            outcome::blocks);
}

TEST(GoSelect3, SelectWithNoCasesBlocksForever) {
  // select() with no case parks its caller for good; this task stays blocked
  // for the rest of the process, on purpose.
  auto finished = tether::make_chan<int>(1);
  tether::go("intentionally-blocked-forever", [finished] {
    tether::select();
    finished.send(1);
  });
  EXPECT_EQ(tether_test::recv_within(finished, 10 * short_while), std::nullopt);
}

TEST(GoFifo, AsynchronousFifo) {
  constexpr int n = 10;
  auto ch = tether::make_chan<int>(n);
  for (int i = 0; i < n; ++i)
    ch.send(i);
  for (int i = 0; i < n; ++i)
    EXPECT_EQ(ch.recv(), i);
}

TEST(GoFifo, SynchronousFifoThroughADaisyChain) {
  // Each link waits for its predecessor's go-ahead, receives one value,
  // checks it is its own number, then lets its successor go.
  const int n = scaled(1000, 20);
  auto values = tether::make_chan<int>();
  auto first = tether::make_chan<int>();
  auto in = first;
  for (int i = 0; i < n; ++i) {
    auto out = tether::make_chan<int>();
    tether::go([values, in, out, i] {
      (void)in.recv();
      auto v = values.recv();
      if (v != i)
        ADD_FAILURE() << "link " << i << " received " << v.value_or(-1);
      out.send(1);
    });
    in = out;
  }
  first.send(0);
  for (int i = 0; i < n; ++i)
    values.send(i);
  EXPECT_EQ(in.recv(), 1);
}

TEST(GoNonblock, NonBlockingOperationsOnEveryCapacity) {
  for (std::size_t capacity : {0u, 1u, 2u, 8u}) {
    SCOPED_TRACE("capacity " + std::to_string(capacity));
    auto ch = tether::make_chan<int>(capacity);
    // Nothing to receive: both forms give up at once.
    EXPECT_EQ(ch.try_recv().status, chan_status::would_block);
    EXPECT_EQ(tether::select(tether::on_recv(ch), tether::on_default()), 1);
    if (capacity == 0) {
      EXPECT_FALSE(ch.try_send(1));
      EXPECT_EQ(tether::select(tether::on_send(ch, 1), tether::on_default()),
                1);
    }
    // A blocking receiver on the other side: a non-blocking send succeeds
    // once it waits (retrying, as nonblock.go does).
    auto got = tether::make_chan<int>(1);
    tether::go([ch, got] { got.send(*ch.recv()); });
    for (int tries = 0; !ch.try_send(123); ++tries) {
      ASSERT_LT(tries, 1'000'000) << "the receiver never showed up";
      std::this_thread::yield();
    }
    EXPECT_EQ(got.recv(), 123);
    // A blocking sender on the other side: a non-blocking receive (a select
    // with default here) succeeds once it waits.
    tether::go([ch] { ch.send(456); });
    int value = 0;
    for (int tries = 0;
         tether::select(tether::on_recv(ch, [&](int v) { value = v; }),
                        tether::on_default()) == 1;
         ++tries) {
      ASSERT_LT(tries, 1'000'000) << "the sender never showed up";
      std::this_thread::yield();
    }
    EXPECT_EQ(value, 456);
    // Fill the buffer with non-blocking sends, then the next one fails.
    for (std::size_t i = 0; i < capacity; ++i)
      EXPECT_TRUE(ch.try_send(static_cast<int>(i)));
    EXPECT_FALSE(ch.try_send(-1));
    for (std::size_t i = 0; i < capacity; ++i) {
      auto r = ch.try_recv();
      ASSERT_EQ(r.status, chan_status::ok);
      EXPECT_EQ(*r, static_cast<int>(i));
    }
    EXPECT_EQ(ch.try_recv().status, chan_status::would_block);
  }
}

TEST(GoDoubleSelect, EveryValueDeliveredExactlyOnce) {
  // A sender select-sends each value to one of four channels; two channels
  // have their own receiver, the other two share one receiver that selects
  // over both and a multiplexer that selects over all four.
  const int n = scaled(20'000);
  std::vector<tether::chan<int>> c;
  for (int i = 0; i < 4; ++i)
    c.push_back(tether::make_chan<int>());
  auto seen = tether::make_chan<int>(64);
  tether::go([=] {
    for (int i = 0; i < n; ++i)
      (void)tether::select(tether::on_send(c[0], i), tether::on_send(c[1], i),
                           tether::on_send(c[2], i), tether::on_send(c[3], i));
    for (auto &ch : c)
      ch.close();
  });
  tether::wait_group receivers;
  for (int k = 0; k < 2; ++k)
    receivers.go([in = c[k], seen] {
      for (int v : in)
        seen.send(v);
    });
  receivers.go([a = c[2], b = c[3], seen]() mutable {
    while (a || b)
      (void)tether::select(tether::on_recv(a,
                                           [&](std::optional<int> v) {
                                             if (v)
                                               seen.send(*v);
                                             else
                                               a = {};
                                           }),
                           tether::on_recv(b, [&](std::optional<int> v) {
                             if (v)
                               seen.send(*v);
                             else
                               b = {};
                           }));
  });
  receivers.go([c, seen]() mutable {
    int open = 4;
    while (open > 0) {
      auto take = [&](int k) {
        return [&, k](std::optional<int> v) {
          if (v)
            seen.send(*v);
          else
            c[k] = {}, --open;
        };
      };
      (void)tether::select(
          tether::on_recv(c[0], take(0)), tether::on_recv(c[1], take(1)),
          tether::on_recv(c[2], take(2)), tether::on_recv(c[3], take(3)));
    }
  });
  tether::go([&receivers, seen] {
    receivers.wait();
    seen.close();
  });
  std::vector<int> count(n);
  for (int v : seen)
    ++count[v];
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(count[i], 1) << "value " << i;
}

namespace {

// The prime sieve: a generator and a chain of filter tasks, all of which
// stop when the context is cancelled.
void generate(tether::context ctx, tether::chan<int> out) {
  for (int i = 2; out.send(ctx, i) == chan_status::ok; ++i) {
  }
}

void filter(tether::context ctx, tether::chan<int> in, tether::chan<int> out,
            int prime) {
  for (;;) {
    auto v = in.recv(ctx);
    if (!v)
      return;
    if (*v % prime != 0 && out.send(ctx, *v) != chan_status::ok)
      return;
  }
}

} // namespace

TEST(GoSieve, FirstPrimes) {
  const int count = tether_test::sanitized ? 50 : 300;
  std::vector<int> expected;
  for (int candidate = 2; static_cast<int>(expected.size()) < count;
       ++candidate)
    if (std::none_of(expected.begin(), expected.end(),
                     [&](int p) { return candidate % p == 0; }))
      expected.push_back(candidate);

  auto [ctx, cancel] = tether::with_cancel(tether::background());
  tether::wait_group tasks;
  auto ch = tether::make_chan<int>();
  tasks.go([ctx, ch] { generate(ctx, ch); });
  std::vector<int> primes;
  for (int i = 0; i < count; ++i) {
    auto prime = ch.recv(ctx);
    ASSERT_EQ(prime.status, chan_status::ok);
    primes.push_back(*prime);
    auto next = tether::make_chan<int>();
    tasks.go([ctx, in = ch, next, p = *prime] { filter(ctx, in, next, p); });
    ch = next;
  }
  cancel();
  tasks.wait(); // every task in the chain saw the cancellation
  EXPECT_EQ(primes, expected);
}

namespace {
struct empty {};
} // namespace

TEST(GoZeroSize, EmptyStructChannels) {
  auto unbuffered = tether::make_chan<empty>();
  tether::go([unbuffered] { unbuffered.send({}); });
  EXPECT_TRUE(unbuffered.recv());

  const int n = scaled(1000);
  auto buffered = tether::make_chan<empty>(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    buffered.send({});
  EXPECT_EQ(buffered.size(), static_cast<std::size_t>(n));
  EXPECT_FALSE(buffered.try_send({}));
  buffered.close();
  int received = 0;
  for (empty e : buffered) {
    (void)e;
    ++received;
  }
  EXPECT_EQ(received, n);

  auto signals = tether::make_chan<std::monostate>();
  tether::go([signals] { signals.close(); });
  EXPECT_EQ(signals.recv(), std::nullopt);
}

TEST(GoChan, EveryCapacity) {
  const int n = scaled(200);
  for (std::size_t capacity : {0u, 1u, 2u, 3u, 5u, 10u, 64u}) {
    SCOPED_TRACE("capacity " + std::to_string(capacity));
    {
      // Receive from an empty channel blocks; non-blocking gives up.
      auto c = tether::make_chan<int>(capacity);
      auto [ctx, cancel] = tether::with_timeout(tether::background(), 1ms);
      EXPECT_EQ(c.recv(ctx).status, chan_status::cancelled);
      cancel();
      EXPECT_EQ(c.try_recv().status, chan_status::would_block);
    }
    {
      // Receive from a closed channel never blocks, and yields nothing (the
      // zero value in a select), again and again.
      auto c = tether::make_chan<int>(capacity);
      c.close();
      for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(c.recv(), std::nullopt);
        EXPECT_EQ(c.try_recv().status, chan_status::closed);
        int v = -1;
        (void)tether::select(tether::on_recv(c, [&](int x) { v = x; }));
        EXPECT_EQ(v, 0);
      }
    }
    {
      // Close unblocks a receiver.
      auto c = tether::make_chan<int>(capacity);
      auto result = tether::make_chan<bool>(1);
      go_and_wait_parked([c, result] { result.send(c.recv().has_value()); });
      c.close();
      EXPECT_EQ(result.recv(), false);
    }
    {
      // Values arrive uncorrupted and in FIFO order.
      auto c = tether::make_chan<int>(capacity);
      tether::go([c] {
        for (int i = 0; i < n; ++i)
          c.send(i);
      });
      for (int i = 0; i < n; ++i)
        ASSERT_EQ(c.recv(), i);
    }
    {
      // The same through receives that can give up.
      auto c = tether::make_chan<int>(capacity);
      auto [ctx, cancel] = tether::with_cancel(tether::background());
      tether::go([c] {
        for (int i = 0; i < n; ++i)
          c.send(i);
      });
      for (int i = 0; i < n; ++i) {
        auto r = c.recv(ctx);
        ASSERT_EQ(r.status, chan_status::ok);
        ASSERT_EQ(*r, i);
      }
      cancel();
    }
    {
      // Four senders and four receivers: every value arrives once per sender.
      constexpr int parties = 4;
      auto c = tether::make_chan<int>(capacity);
      auto counts = tether::make_chan<std::vector<int>>(parties);
      for (int p = 0; p < parties; ++p)
        tether::go([c] {
          for (int i = 0; i < n; ++i)
            c.send(i);
        });
      for (int p = 0; p < parties; ++p)
        tether::go([c, counts] {
          std::vector<int> seen(n);
          for (int i = 0; i < n; ++i)
            ++seen[*c.recv()];
          counts.send(std::move(seen));
        });
      std::vector<int> total(n);
      for (int p = 0; p < parties; ++p) {
        auto seen = *counts.recv();
        for (int i = 0; i < n; ++i)
          total[i] += seen[i];
      }
      for (int i = 0; i < n; ++i)
        ASSERT_EQ(total[i], parties) << "value " << i;
    }
    {
      // len and cap.
      auto c = tether::make_chan<int>(capacity);
      EXPECT_EQ(c.capacity(), capacity);
      for (std::size_t i = 0; i < capacity; ++i) {
        EXPECT_EQ(c.size(), i);
        c.send(0);
      }
      EXPECT_EQ(c.size(), capacity);
      // A full (or unbuffered) channel: send blocks, try_send gives up.
      EXPECT_FALSE(c.try_send(1));
      auto [ctx, cancel] = tether::with_timeout(tether::background(), 1ms);
      EXPECT_EQ(c.send(ctx, 1), chan_status::cancelled);
      cancel();
      for (std::size_t i = capacity; i > 0; --i) {
        EXPECT_EQ(c.size(), i);
        (void)c.recv();
      }
      EXPECT_EQ(c.size(), 0u);
    }
  }
}

TEST(GoChan, SelfSelectNeverPairsWithItself) {
  // Tasks selecting both a send and a receive on one channel: on an
  // unbuffered channel a task never receives its own value.
  const int iterations = scaled(2000);
  for (std::size_t capacity : {0u, 10u}) {
    SCOPED_TRACE("capacity " + std::to_string(capacity));
    auto c = tether::make_chan<int>(capacity);
    std::atomic<int> self_paired{0};
    tether::wait_group wg;
    for (int p = 0; p < 2; ++p)
      wg.go([c, p, capacity, &self_paired] {
        for (int i = 0; i < iterations; ++i) {
          if (p == 0 || i % 2 == 0) {
            (void)tether::select(tether::on_send(c, p),
                                 tether::on_recv(c, [&](int v) {
                                   if (capacity == 0 && v == p)
                                     ++self_paired;
                                 }));
          } else {
            (void)tether::select(tether::on_recv(c,
                                                 [&](int v) {
                                                   if (capacity == 0 && v == p)
                                                     ++self_paired;
                                                 }),
                                 tether::on_send(c, p));
          }
        }
      });
    wg.wait();
    EXPECT_EQ(self_paired.load(), 0);
  }
}

TEST(GoChan, MultiConsumer) {
  // A producer hands work to many consumers; every item is processed once.
  const int workers = 23;
  const int items = scaled(20'000);
  auto work = tether::make_chan<int>(workers);
  auto results = tether::make_chan<long>(workers);
  tether::wait_group consumers;
  for (int w = 0; w < workers; ++w)
    consumers.go([work, results] {
      long sum = 0;
      for (int v : work) {
        sum += v;
        if (v % 7 == 0)
          tether::sleep(0s); // give the others a turn now and then
      }
      results.send(sum);
    });
  tether::go([work] {
    for (int i = 1; i <= items; ++i)
      work.send(i);
    work.close();
  });
  long total = 0;
  for (int w = 0; w < workers; ++w)
    total += *results.recv();
  consumers.wait();
  EXPECT_EQ(total, static_cast<long>(items) * (items + 1) / 2);
}

TEST(GoChan, SelectDuplicateChannel) {
  // A select that lists one channel twice must withdraw both cases when
  // another case wins, leaving the channel's queue intact for others.
  auto c = tether::make_chan<int>();
  auto d = tether::make_chan<int>();
  auto e = tether::make_chan<int>();
  go_and_wait_parked([c, d, e] {
    (void)tether::select(tether::on_recv(c), tether::on_recv(c),
                         tether::on_recv(d));
    e.send(9);
  });
  auto got = tether::make_chan<int>(1);
  go_and_wait_parked([c, got] { got.send(*c.recv()); });
  d.send(7); // wakes the select through d
  EXPECT_EQ(e.recv(), 9);
  c.send(8); // must reach the plain receiver, not a stale select case
  EXPECT_EQ(got.recv(), 8);
}

TEST(GoChan, SelectDuplicateChannelSendAndReceive) {
  // The same channel as both a send and a receive case, twice each.
  auto c = tether::make_chan<int>();
  auto taken = tether::make_chan<int>(1);
  go_and_wait_parked([c, taken] {
    taken.send(tether::select(tether::on_send(c, 1), tether::on_recv(c),
                              tether::on_send(c, 2), tether::on_recv(c)));
  });
  auto v = c.recv();
  ASSERT_TRUE(v);
  const int index = taken.recv().value();
  EXPECT_EQ(index, *v == 1 ? 0 : 2);
  EXPECT_FALSE(c.try_send(5)) << "the select's receive cases were withdrawn";
}

TEST(GoChan, PseudoRandomSendFairness) {
  // Go's TestPseudoRandomSend: a select that sends 0 or 1 on one channel
  // chooses both, roughly evenly.
  const int n = 1000;
  auto c = tether::make_chan<int>();
  auto counts = tether::make_chan<std::pair<int, int>>(1);
  tether::go([c, counts] {
    int zeros = 0, ones = 0;
    for (int i = 0; i < n; ++i)
      (*c.recv() == 0 ? zeros : ones)++;
    counts.send({zeros, ones});
  });
  for (int i = 0; i < n; ++i)
    (void)tether::select(tether::on_send(c, 0), tether::on_send(c, 1));
  auto [zeros, ones] = *counts.recv();
  EXPECT_GT(zeros, n / 10);
  EXPECT_GT(ones, n / 10);
}
