// leak::verify_none, its ignore rules and the report format.
#include "leak_test_util.hpp"

#include <atomic>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using tether_test::find_task;
using tether_test::quick;
using tether_test::wait_blocked;
namespace leak = tether::leak;

TEST(LeakReport, NothingLeakedWhenTasksFinish) {
  auto opts = quick();
  tether::wait_group wg;
  for (int i = 0; i < 8; ++i)
    wg.go([] { tether::sleep(1ms); });
  wg.wait();
  EXPECT_TRUE(leak::verify_none(opts).empty());
}

TEST(LeakReport, WaitsForStragglersUntilTheyEnd) {
  auto opts = quick().wait(20s);
  auto release = tether::make_chan<int>();
  tether::go("straggler", [release] { (void)release.recv(); });
  ASSERT_TRUE(wait_blocked("straggler"));
  std::thread([release] {
    std::this_thread::sleep_for(50ms);
    release.send(1);
  }).detach();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(leak::verify_none(opts).empty());
  // Woken by the task's exit, not by the 20s deadline.
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

TEST(LeakReport, NamesTheTaskItsSitesAndWhatItWaitsFor) {
  auto opts = quick();
  auto ch = tether::make_chan<int>();
  const unsigned spawn_line = __LINE__ + 1;
  tether::go("sender", [ch] { ch.send(7); });
  ASSERT_TRUE(wait_blocked("sender"));
  const leak::report r = leak::verify_none(opts);
  ASSERT_EQ(r.tasks.size(), 1u);
  const auto &t = r.tasks[0];
  EXPECT_EQ(t.name, "sender");
  EXPECT_EQ(t.blocked_on, "chan<int> send");
  EXPECT_EQ(t.spawn_site.line(), spawn_line);
  EXPECT_EQ(t.block_site.line(), spawn_line);
  EXPECT_NE(std::string(t.block_site.function_name()).find("operator()"),
            std::string::npos);
  const std::string text = r.to_string();
  EXPECT_NE(text.find("\"sender\" [blocked on chan<int> send, "),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("spawned at "), std::string::npos) << text;
  EXPECT_NE(text.find("blocked at "), std::string::npos) << text;
  (void)ch.recv();
}

TEST(LeakReport, BlockedForCountsFromTheBlock) {
  auto ch = tether::make_chan<int>();
  const auto before_spawn = std::chrono::steady_clock::now();
  tether::go("waits-a-while", [ch] { (void)ch.recv(); });
  ASSERT_TRUE(wait_blocked("waits-a-while"));
  std::this_thread::sleep_for(200ms);
  auto t = find_task(leak::live_tasks(), "waits-a-while");
  const auto since_spawn = std::chrono::steady_clock::now() - before_spawn;
  ASSERT_TRUE(t);
  EXPECT_GE(t->duration, 200ms);
  // Stamped from the recent clock, which lags by about a tick at most.
  EXPECT_LE(t->duration, since_spawn + 50ms);
  ch.close();
}

// A stale "recent" clock would date each block back to before the task's
// long slice: the ticker must keep it fresh while no worker switches.
TEST(LeakReport, BlockedForIsFreshWhileEveryWorkerRunsOneLongSlice) {
  const unsigned tasks = std::thread::hardware_concurrency() + 1;
  auto ch = tether::make_chan<int>();
  std::vector<std::atomic<std::int64_t>> slice_ended(tasks);
  auto ns_now = [] {
    return std::chrono::steady_clock::now().time_since_epoch().count();
  };
  tether::wait_group finished; // the tasks use slice_ended until they end
  finished.add(static_cast<int>(tasks));
  for (unsigned i = 0; i < tasks; ++i)
    tether::go("spins-then-blocks-" + std::to_string(i),
               [ch, &slice_ended, &finished, i, ns_now] {
                 const auto until = std::chrono::steady_clock::now() + 300ms;
                 while (std::chrono::steady_clock::now() < until) {
                 }
                 slice_ended[i].store(ns_now());
                 (void)ch.recv();
                 finished.done();
               });
  for (unsigned i = 0; i < tasks; ++i)
    ASSERT_TRUE(wait_blocked("spins-then-blocks-" + std::to_string(i)));
  const auto live = leak::live_tasks();
  const std::int64_t now = ns_now();
  for (unsigned i = 0; i < tasks; ++i) {
    auto t = find_task(live, "spins-then-blocks-" + std::to_string(i));
    ASSERT_TRUE(t);
    EXPECT_LE(t->duration,
              std::chrono::nanoseconds(now - slice_ended[i].load()) + 100ms)
        << "task " << i;
  }
  ch.close();
  finished.wait();
}

TEST(LeakReport, IgnoreByNameFunctionAndBaseline) {
  auto ch = tether::make_chan<int>();
  tether::go("old", [ch] { (void)ch.recv(); });
  ASSERT_TRUE(wait_blocked("old"));
  auto opts = quick(); // "old" is in the baseline
  tether::go("named", [ch] { (void)ch.recv(); });
  ASSERT_TRUE(wait_blocked("named"));
  auto r = leak::verify_none(opts);
  ASSERT_EQ(r.tasks.size(), 1u);
  EXPECT_EQ(r.tasks[0].name, "named");
  EXPECT_TRUE(
      leak::verify_none(leak::options(opts).ignore_name("named")).empty());
  // The spawn site's function is this test's body.
  EXPECT_TRUE(
      leak::verify_none(leak::options(opts).ignore_function(
                            "LeakReport_IgnoreByNameFunctionAndBaseline"))
          .empty());
  ch.close();
}

TEST(LeakReport, ProcessWideIgnoreListLastsAsLongAsItsHandle) {
  auto opts = quick();
  auto ch = tether::make_chan<int>();
  tether::go("background-flusher", [ch] { (void)ch.recv(); });
  ASSERT_TRUE(wait_blocked("background-flusher"));
  {
    leak::scoped_ignore keep(leak::options().ignore_name("background-flusher"));
    EXPECT_TRUE(leak::verify_none(opts).empty());
  }
  EXPECT_EQ(leak::verify_none(opts).tasks.size(), 1u);
  ch.close();
}

TEST(LeakReport, DumpShowsEveryLiveTask) {
  auto ch = tether::make_chan<int>();
  tether::go("dumped", [ch] { (void)ch.recv(); });
  ASSERT_TRUE(wait_blocked("dumped"));
  std::ostringstream out;
  leak::dump(out);
  EXPECT_NE(out.str().find("\"dumped\" [blocked on chan<int> receive"),
            std::string::npos)
      << out.str();
  ch.close();
}

TEST(LeakReport, TrackingOffRecordsNoBlockSites) {
  leak::set_tracking(false);
  auto ch = tether::make_chan<int>();
  tether::go("untracked", [ch] { (void)ch.recv(); });
  std::this_thread::sleep_for(20ms);
  auto t = find_task(leak::live_tasks(), "untracked");
  leak::set_tracking(true);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->state, leak::task_state::running); // nothing recorded the block
  ch.close();
}
