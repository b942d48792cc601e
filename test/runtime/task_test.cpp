// Tasks: go with arguments and names, wait_group, group (errgroup), and an
// exception escaping a task.
#include "test_util.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <boost/fiber/operations.hpp>

using namespace std::chrono_literals;
using tether::chan_status;
using tether_test::scaled;

TEST(Task, GoPassesArgumentsByValue) {
  auto out = tether::make_chan<std::string>(1);
  std::string text = "abc";
  tether::go(
      [](std::string s, int n, tether::chan<std::string> ch) {
        ch.send(s + std::to_string(n));
      },
      text, 7, out);
  text = "changed";
  EXPECT_EQ(out.recv(), "abc7");
}

TEST(Task, GoWithNameAndMoveOnlyArguments) {
  auto out = tether::make_chan<int>(1);
  auto p = std::make_unique<int>(41);
  tether::go(
      "named-task",
      [](std::unique_ptr<int> v, tether::chan<int> ch) { ch.send(*v + 1); },
      std::move(p), out);
  EXPECT_EQ(out.recv(), 42);
}

TEST(Task, GoAcceptsMoveOnlyCallable) {
  auto out = tether::make_chan<int>(1);
  auto p = std::make_unique<int>(5);
  tether::go([p = std::move(p), out] { out.send(*p); });
  EXPECT_EQ(out.recv(), 5);
}

TEST(Task, GoReturnsDistinctIds) {
  tether::wait_group wg;
  std::set<std::uint64_t> ids;
  for (int i = 0; i < 100; ++i) {
    wg.add();
    ids.insert(tether::go([&wg] { wg.done(); }).id());
  }
  wg.wait();
  EXPECT_EQ(ids.size(), 100u);
  EXPECT_EQ(ids.count(0), 0u);
}

TEST(Task, ManyTasks) {
  const int n = scaled(20'000, 100);
  tether::wait_group wg;
  std::atomic<long> sum{0};
  for (int i = 0; i < n; ++i)
    wg.go([&sum, i] { sum += i; });
  wg.wait();
  EXPECT_EQ(sum.load(), static_cast<long>(n) * (n - 1) / 2);
}

TEST(Task, ManyMoreBlockedTasksThanWorkers) {
  // A ring of tasks each blocked on its neighbour: fibers, not threads.
  const int n = scaled(2000, 40);
  std::vector<tether::chan<int>> links;
  for (int i = 0; i <= n; ++i)
    links.push_back(tether::make_chan<int>());
  for (int i = 0; i < n; ++i)
    tether::go(
        [in = links[i], out = links[i + 1]] { out.send(*in.recv() + 1); });
  links[0].send(0);
  EXPECT_EQ(links[n].recv(), n);
}

TEST(Task, TasksSpawnTasks) {
  // A binary tree of tasks, each joined by its parent through a channel.
  struct tree {
    static void grow(int depth, tether::chan<int> up) {
      if (depth == 0) {
        up.send(1);
        return;
      }
      auto down = tether::make_chan<int>(2);
      tether::go(grow, depth - 1, down);
      tether::go(grow, depth - 1, down);
      up.send(*down.recv() + *down.recv());
    }
  };
  const int depth = tether_test::sanitized ? 6 : 11;
  auto root = tether::make_chan<int>(1);
  tether::go(tree::grow, depth, root);
  EXPECT_EQ(root.recv(), 1 << depth);
}

// Boost.Fiber's yield queues the task behind the others (Go's Gosched): two
// tasks that yield in turn on one worker must not keep a third from running.
TEST(Task, YieldingTasksLetQueuedTasksRun) {
  const auto spinners = 2 * std::max(1u, std::thread::hardware_concurrency());
  std::atomic<bool> released{false};
  // The spinners outlast the test's patience, so a starved task fails it.
  const auto give_up =
      std::chrono::steady_clock::now() + 2 * tether_test::patience;
  tether::wait_group tasks;
  for (unsigned i = 0; i < spinners; ++i)
    tasks.go([&] {
      while (!released.load() && std::chrono::steady_clock::now() < give_up)
        boost::this_fiber::yield();
    });
  auto ran = tether::make_chan<int>(1);
  tasks.go([&] {
    released.store(true);
    ran.send(1);
  });
  EXPECT_TRUE(tether_test::recv_within(ran, tether_test::patience))
      << "a queued task never ran behind yielding tasks";
  tasks.wait();
}

// One task wakes two: the first woken waits in its waker's worker's own
// queue behind the second, which then runs without a switch. Another worker
// must take the first (the busy worker is not getting to it), or woken
// CPU-bound tasks would not run in parallel.
TEST(Task, TaskQueuedBehindABusyTaskMovesToAnIdleWorker) {
  const char *workers = std::getenv("TETHER_WORKERS");
  if ((workers ? std::atoi(workers)
               : static_cast<int>(std::thread::hardware_concurrency())) < 2)
    GTEST_SKIP() << "needs two workers";
  // The tasks hold their own handles: a task may still be inside its last
  // send when the test has received and returns.
  auto jobs = tether::make_chan<int>();
  auto together = tether::make_chan<bool>(2);
  auto running = std::make_shared<std::atomic<int>>(0);
  const auto give_up = std::chrono::steady_clock::now() + tether_test::patience;
  for (int i = 0; i < 2; ++i)
    tether_test::go_and_wait_parked([jobs, together, running, give_up] {
      (void)jobs.recv();
      running->fetch_add(1);
      while (running->load() < 2 && std::chrono::steady_clock::now() < give_up)
        ; // no switch: the other task must run elsewhere
      together.send(running->load() == 2);
    });
  tether::go([jobs] {
    jobs.send(1);
    jobs.send(2);
  });
  EXPECT_EQ(together.recv(), true);
  EXPECT_EQ(together.recv(), true);
}

TEST(WaitGroup, WaitWithZeroCounterReturnsAtOnce) {
  tether::wait_group wg;
  wg.wait();
  wg.add(2);
  wg.add(-2);
  wg.wait();
  SUCCEED();
}

TEST(WaitGroup, NegativeCounterThrows) {
  tether::wait_group wg;
  EXPECT_THROW(wg.done(), std::logic_error);
  tether::wait_group wg2;
  wg2.add(1);
  EXPECT_THROW(wg2.add(-2), std::logic_error);
}

TEST(WaitGroup, WaitsForEveryDone) {
  tether::wait_group wg;
  auto release = tether::make_chan<int>();
  std::atomic<int> finished{0};
  constexpr int n = 8;
  for (int i = 0; i < n; ++i)
    wg.go([&finished, release] {
      (void)release.recv();
      ++finished;
    });
  auto waited = tether::make_chan<int>(1);
  tether::go([&wg, &finished, waited] {
    wg.wait();
    waited.send(finished.load());
  });
  EXPECT_EQ(waited.try_recv().status, chan_status::would_block);
  release.close();
  EXPECT_EQ(waited.recv(), n);
}

TEST(WaitGroup, ManyWaitersAllWoken) {
  tether::wait_group wg;
  wg.add(1);
  tether::wait_group waiters;
  for (int i = 0; i < 10; ++i)
    waiters.go([&wg] { wg.wait(); });
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&wg] { wg.wait(); });
  tether_test::go_and_wait_parked([&wg] { wg.wait(); });
  wg.done();
  waiters.wait();
  for (auto &t : threads)
    t.join();
  SUCCEED();
}

TEST(WaitGroup, ReusableAfterWait) {
  tether::wait_group wg;
  for (int round = 0; round < 20; ++round) {
    std::atomic<int> count{0};
    for (int i = 0; i < 5; ++i)
      wg.go([&count] { ++count; });
    wg.wait();
    ASSERT_EQ(count.load(), 5);
  }
}

TEST(WaitGroup, DoneFromPlainThreads) {
  tether::wait_group wg;
  wg.add(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&wg] { wg.done(); });
  wg.wait();
  for (auto &t : threads)
    t.join();
  SUCCEED();
}

TEST(Group, AllSucceed) {
  tether::group g;
  std::atomic<int> ran{0};
  for (int i = 0; i < 10; ++i)
    g.go([&ran] { ++ran; });
  g.go([&ran]() -> std::error_code {
    ++ran;
    return {};
  });
  EXPECT_FALSE(g.wait());
  EXPECT_EQ(ran.load(), 11);
  EXPECT_EQ(g.context().err(), tether::errc::canceled)
      << "wait() cancels the group's context, as errgroup";
}

TEST(Group, FirstErrorCancelsTheRestAndIsReturned) {
  tether::group g;
  std::atomic<int> cancelled{0};
  constexpr int waiters = 5;
  for (int i = 0; i < waiters; ++i)
    g.go([&g, &cancelled] {
      (void)g.context().done().recv();
      if (g.context().err() == tether::errc::canceled)
        ++cancelled;
    });
  g.go([]() -> std::error_code {
    return std::make_error_code(std::errc::io_error);
  });
  EXPECT_EQ(g.wait(), std::make_error_code(std::errc::io_error));
  EXPECT_EQ(cancelled.load(), waiters);
}

TEST(Group, OnlyTheFirstErrorIsKept) {
  tether::group g;
  g.go([&g]() -> std::error_code {
    // Fails only once the first failure has cancelled the group.
    (void)g.context().done().recv();
    return std::make_error_code(std::errc::io_error);
  });
  g.go([]() -> std::error_code {
    return std::make_error_code(std::errc::timed_out);
  });
  EXPECT_EQ(g.wait(), std::make_error_code(std::errc::timed_out));
}

TEST(Group, ExceptionInsideTaskIsRethrownByWait) {
  tether::group g;
  g.go([] { throw std::runtime_error("boom in group"); });
  g.go([&g] { (void)g.context().done().recv(); });
  try {
    (void)g.wait();
    FAIL() << "wait() did not rethrow";
  } catch (const std::runtime_error &error) {
    EXPECT_STREQ(error.what(), "boom in group");
  }
}

TEST(Group, ParentCancellationReachesGroupContext) {
  auto [parent, cancel] = tether::with_cancel(tether::background());
  tether::group g(parent);
  g.go([&g]() -> std::error_code {
    (void)g.context().done().recv();
    return g.context().err();
  });
  cancel();
  EXPECT_EQ(g.wait(), tether::errc::canceled);
}

TEST(Group, DestructorCancelsAndWaits) {
  std::atomic<bool> finished{false};
  {
    tether::group g;
    g.go([&g, &finished] {
      (void)g.context().done().recv();
      finished = true;
    });
  }
  EXPECT_TRUE(finished.load());
}

TEST(TaskDeathTest, EscapedExceptionTerminatesNamingTaskAndSpawnSite) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        auto never = tether::make_chan<int>();
        tether::go("exploding-task",
                   [] { throw std::runtime_error("kaboom"); });
        (void)never.recv();
      },
      "uncaught exception in task .* \"exploding-task\" spawned at "
      ".*task_test.cpp.*kaboom");
}

TEST(TaskDeathTest, EscapedNonStdExceptionTerminates) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        auto never = tether::make_chan<int>();
        tether::go([] { throw 42; });
        (void)never.recv();
      },
      "uncaught exception in task .* spawned at .*task_test.cpp");
}
