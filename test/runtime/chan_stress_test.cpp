// Stress of the channel hand-off paths under many parties: a woken task runs
// next on its waker's worker (runnext), so parked tasks move between workers
// on every wake-up, and buffered channels send and receive without their lock
// when neither side must park, racing the parked parties. Every test counts
// what was sent and received: each value must arrive exactly once. Built with
// TSan too (the tsan preset), where the counts shrink (scaled) and TSan checks
// every hand-off for races.
#include "test_util.hpp"

#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

#include <boost/fiber/operations.hpp>

using tether_test::scaled;

namespace {

constexpr int parties = 8;

/// One flag per value: set twice or never is a failure.
class tally {
public:
  explicit tally(std::size_t count) : seen_(count) {}
  void see(std::size_t value) {
    ASSERT_LT(value, seen_.size());
    EXPECT_EQ(seen_[value].fetch_add(1, std::memory_order_relaxed), 0)
        << "value " << value << " received twice";
  }
  [[nodiscard]] std::size_t missing() const {
    std::size_t count = 0;
    for (const auto &flag : seen_)
      count += flag.load(std::memory_order_relaxed) == 0 ? 1 : 0;
    return count;
  }

private:
  std::vector<std::atomic<int>> seen_;
};

// Eight senders and eight receivers on one channel; each sender sends its own
// range of values, each receiver takes its share.
void many_to_many(std::size_t capacity) {
  const int per_party = scaled(20000, 20);
  const auto total = static_cast<std::size_t>(parties * per_party);
  auto values = tether::make_chan<std::size_t>(capacity);
  tally received(total);
  tether::wait_group tasks;
  for (int p = 0; p < parties; ++p) {
    tasks.go([&values, p] {
      for (int i = 0; i < per_party; ++i)
        values.send(static_cast<std::size_t>(p * per_party + i));
    });
    tasks.go([&values, &received] {
      for (int i = 0; i < per_party; ++i)
        received.see(*values.recv());
    });
  }
  tasks.wait();
  EXPECT_EQ(received.missing(), 0u);
  EXPECT_FALSE(values.try_recv().value) << "a value was left over";
}

} // namespace

TEST(ChanStress, EightByEightBuffered) { many_to_many(16); }

// One slot: the buffer turns full and empty on nearly every operation, so the
// lock-free paths and the parked parties meet all the time.
TEST(ChanStress, EightByEightBufferedOne) { many_to_many(1); }

// Eight senders, one receiver: each sender's values arrive in the order it
// sent them (a buffered channel is FIFO), whichever path carried them.
TEST(ChanStress, EachSendersOrderIsKept) {
  const int per_party = scaled(20000, 20);
  auto values = tether::make_chan<std::pair<int, int>>(4);
  tether::wait_group tasks;
  for (int p = 0; p < parties; ++p)
    tasks.go([&values, p] {
      for (int i = 0; i < per_party; ++i)
        values.send({p, i});
    });
  std::vector<int> next(parties, 0);
  tasks.go([&] {
    for (int n = 0; n < parties * per_party; ++n) {
      auto [party, index] = *values.recv();
      ASSERT_EQ(index, next[party]) << "sender " << party << " out of order";
      ++next[party];
    }
  });
  tasks.wait();
}

// Non-blocking operations race blocking ones: half the senders try_send in a
// loop (yielding when full), half send; half the receivers recv, half
// try_recv; the channel is closed once every sender is done.
TEST(ChanStress, TryOperationsRaceParkedParties) {
  constexpr int half = parties / 2;
  const int per_party = scaled(20000, 20);
  auto values = tether::make_chan<std::size_t>(2);
  tally received(static_cast<std::size_t>(parties * per_party));
  tether::wait_group senders;
  tether::wait_group receivers;
  for (int p = 0; p < parties; ++p) {
    senders.go([&values, p] {
      for (int i = 0; i < per_party; ++i) {
        const auto value = static_cast<std::size_t>(p * per_party + i);
        if (p < half)
          values.send(value);
        else
          while (!values.try_send(value))
            boost::this_fiber::yield();
      }
    });
    receivers.go([&values, &received, p] {
      if (p < half) {
        while (auto value = values.recv())
          received.see(*value);
        return;
      }
      for (;;) {
        auto result = values.try_recv();
        if (result)
          received.see(*result);
        else if (result.status == tether::chan_status::closed)
          return;
        else
          boost::this_fiber::yield();
      }
    });
  }
  senders.wait();
  values.close();
  receivers.wait();
  EXPECT_EQ(received.missing(), 0u);
}

// Senders keep sending while a closer closes the channel: every send either
// delivered its value (received exactly once, before the closed flag) or
// threw Go's "send on closed channel"; receivers drain, then see closed.
TEST(ChanStress, CloseRacesSendsAndReceives) {
  const int rounds = scaled(200, 10);
  for (int round = 0; round < rounds; ++round) {
    const std::size_t per_party = 64;
    auto values = tether::make_chan<std::size_t>(4);
    tally received(parties * per_party);
    std::atomic<std::size_t> delivered{0};
    std::atomic<int> closed_sends{0};
    tether::wait_group tasks;
    for (int p = 0; p < parties; ++p) {
      tasks.go([&, p] {
        for (std::size_t i = 0; i < per_party; ++i) {
          try {
            values.send(p * per_party + i);
            delivered.fetch_add(1, std::memory_order_relaxed);
          } catch (const tether::closed_channel_error &error) {
            EXPECT_STREQ(error.what(), "send on closed channel");
            closed_sends.fetch_add(1, std::memory_order_relaxed);
            return;
          }
        }
      });
      tasks.go([&] {
        // After the first closed receive, every later one is closed too.
        while (auto value = values.recv())
          received.see(*value);
        EXPECT_FALSE(values.recv());
      });
    }
    tasks.go([&values, round] {
      // Close at varying points of the run: at once, or after a while.
      tether::sleep(std::chrono::microseconds(round % 3 * 40));
      values.close();
    });
    tasks.wait();
    const std::size_t total = parties * per_party;
    EXPECT_EQ(total - received.missing(), delivered.load())
        << "a sent value was lost or one never sent arrived";
    EXPECT_LE(closed_sends.load(), parties);
  }
}

// One receiver selects over four buffered channels and a quit channel while
// four senders feed them: every value is taken by exactly one select.
TEST(ChanStress, SelectOverBufferedChannels) {
  constexpr int senders = 4;
  const int per_sender = scaled(20000, 20);
  std::vector<tether::chan<std::size_t>> inputs;
  for (int s = 0; s < senders; ++s)
    inputs.push_back(tether::make_chan<std::size_t>(8));
  auto quit = tether::make_chan<int>();
  const auto total = static_cast<std::size_t>(senders * per_sender);
  tally received(total);
  std::atomic<std::size_t> taken{0};
  tether::wait_group tasks;
  for (int s = 0; s < senders; ++s)
    tasks.go([ch = inputs[s], s] {
      for (int i = 0; i < per_sender; ++i)
        ch.send(static_cast<std::size_t>(s * per_sender + i));
    });
  // Two receivers; the one that takes the last value stops both. A lost
  // value leaves them waiting: the test's timeout reports it.
  auto see = [&](std::size_t v) {
    received.see(v);
    if (taken.fetch_add(1, std::memory_order_relaxed) + 1 == total)
      quit.close();
  };
  for (int r = 0; r < 2; ++r)
    tasks.go([&] {
      for (bool done = false; !done;)
        tether::select(
            tether::on_recv(inputs[0], see), tether::on_recv(inputs[1], see),
            tether::on_recv(inputs[2], see), tether::on_recv(inputs[3], see),
            tether::on_recv(quit, [&done] { done = true; }));
    });
  tasks.wait();
  EXPECT_EQ(received.missing(), 0u);
}

// Selects send on two buffered channels while plain receives drain them
// without the lock: every value a select sent is received exactly once.
TEST(ChanStress, SelectSendsRaceLockFreeReceives) {
  constexpr int senders = 4;
  const int per_sender = scaled(20000, 20);
  auto left = tether::make_chan<std::size_t>(2);
  auto right = tether::make_chan<std::size_t>(2);
  tally received(static_cast<std::size_t>(senders * per_sender));
  tether::wait_group sending;
  tether::wait_group receiving;
  for (int s = 0; s < senders; ++s)
    sending.go([&, s] {
      for (int i = 0; i < per_sender; ++i) {
        const auto value = static_cast<std::size_t>(s * per_sender + i);
        tether::select(tether::on_send(left, value),
                       tether::on_send(right, value));
      }
    });
  for (const auto &ch : {left, right})
    for (int r = 0; r < 2; ++r)
      receiving.go([&received, ch] {
        while (auto value = ch.recv())
          received.see(*value);
      });
  sending.wait();
  left.close();
  right.close();
  receiving.wait();
  EXPECT_EQ(received.missing(), 0u);
}
