// The leak detector's view of threads (docs/runtime.md, "Threads"): threads
// made with std::thread, std::jthread and pthread_create are seen, with
// spawn site, kernel state and their own stack; ignore rules work for them;
// the listener fails the tests of leak_thread_fixture.cpp that leak one.
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <gtest/gtest.h>

#include "child_process.hpp"

#include <pthread.h>
#include <signal.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef TETHER_THREAD_FIXTURE
#error "TETHER_THREAD_FIXTURE must name the leaking test binary"
#endif

using namespace std::chrono_literals;
namespace leak = tether::leak;

#if defined(__SANITIZE_THREAD__) || __has_feature(thread_sanitizer)
// TSan delivers a signal only at an intercepted call: a thread inside a raw
// syscall(SYS_futex) (libstdc++'s future wait) answers from /proc alone.
constexpr bool signals_deferred = true;
#else
constexpr bool signals_deferred = false;
#endif

namespace {

/// A thread blocked on a condition variable until release().
class Gate {
public:
  void wait_body(const char *name) {
    pthread_setname_np(pthread_self(), name);
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [this] { return open_; });
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    cv_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

[[gnu::noinline]] void gate_keeper_body(Gate &gate, const char *name) {
  gate.wait_body(name);
}

[[gnu::noinline]] std::thread spawn_gate_keeper(Gate &gate, const char *name) {
  return std::thread([&gate, name] { gate_keeper_body(gate, name); });
}

std::optional<leak::thread_info> find_thread(const leak::report &r,
                                             const std::string &name) {
  for (const auto &t : r.threads)
    if (t.name == name)
      return t;
  return std::nullopt;
}

/// Polls snapshots (bounded) until the named thread is blocked.
std::optional<leak::thread_info> wait_blocked(const std::string &name) {
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  while (std::chrono::steady_clock::now() < give_up) {
    auto t = find_thread(leak::snapshot(), name);
    if (t && t->blocked)
      return t;
    std::this_thread::sleep_for(1ms);
  }
  return std::nullopt;
}

bool any_frame(const std::vector<leak::frame_info> &frames,
               const std::string &needle) {
  for (const auto &f : frames)
    if (f.function.find(needle) != std::string::npos)
      return true;
  return false;
}

leak::options quick() { return leak::options().ignore_current().wait(50ms); }

} // namespace

TEST(LeakThreads, SeesAStdThreadWithSpawnSiteStateAndStack) {
  Gate gate;
  const auto rules = quick();
  std::thread t = spawn_gate_keeper(gate, "gate-keeper");
  const auto seen = wait_blocked("gate-keeper");
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->state, "blocked in condition_variable::wait");
  EXPECT_NE(seen->spawn_site.function.find("spawn_gate_keeper"),
            std::string::npos)
      << seen->spawn_site.function;
  EXPECT_NE(seen->spawn_site.file.find("leak_thread_test.cpp"),
            std::string::npos);
  // gate_keeper_body tail-calls wait_body: its frame is gone.
  EXPECT_TRUE(any_frame(seen->stack, "Gate::wait_body"));
  EXPECT_NE(seen->top_function.find("Gate::wait_body"), std::string::npos)
      << seen->top_function;
  EXPECT_FALSE(seen->detached);

  const leak::report r = leak::verify_none(rules);
  ASSERT_EQ(r.threads.size(), 1u) << r;
  const std::string text = r.to_string();
  EXPECT_NE(text.find("\"gate-keeper\" [blocked in condition_variable::wait, "
                      "at least "),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("spawned at "), std::string::npos) << text;
  EXPECT_NE(text.find("::spawn_gate_keeper("), std::string::npos) << text;

  gate.release();
  t.join();
  EXPECT_TRUE(leak::verify_none(rules).empty());
}

TEST(LeakThreads, DurationGrowsBetweenLooks) {
  Gate gate;
  std::thread t = spawn_gate_keeper(gate, "slow-gate");
  ASSERT_TRUE(wait_blocked("slow-gate"));
  std::this_thread::sleep_for(30ms);
  const auto later = find_thread(leak::snapshot(), "slow-gate");
  ASSERT_TRUE(later);
  EXPECT_GE(later->duration, 30ms);
  EXPECT_TRUE(later->since_first_look);
  gate.release();
  t.join();
}

TEST(LeakThreads, IgnoreRulesCoverThreads) {
  Gate gate;
  const auto base = quick();
  std::thread t = spawn_gate_keeper(gate, "ignored-one");
  ASSERT_TRUE(wait_blocked("ignored-one"));
  EXPECT_EQ(leak::verify_none(base).threads.size(), 1u);
  EXPECT_TRUE(leak::verify_none(leak::options(base).ignore_name("ignored-one"))
                  .empty());
  EXPECT_TRUE(leak::verify_none(
                  leak::options(base).ignore_function("spawn_gate_keeper"))
                  .empty());
  EXPECT_TRUE(
      leak::verify_none(leak::options(base).ignore_top_function("wait_body"))
          .empty());
  EXPECT_EQ(
      leak::verify_none(leak::options(base).ignore_top_function("no_such_fn"))
          .threads.size(),
      1u);
  EXPECT_TRUE(leak::verify_none(quick()).empty()); // ignore_current
  {
    leak::scoped_ignore keep(leak::options().ignore_name("ignored-one"));
    EXPECT_TRUE(leak::verify_none(base).empty());
  }
  gate.release();
  t.join();
}

TEST(LeakThreads, TheCallerAndTheRuntimesThreadsAreNotReported) {
  const auto rules = quick();
  // Starts the scheduler's workers and the timer thread.
  tether::wait_group wg;
  wg.go([] { tether::sleep(1ms); });
  wg.wait();
  std::thread([&] {
    const leak::report r = leak::verify_none(rules); // from a new thread
    EXPECT_TRUE(r.threads.empty()) << r;
  }).join();
  EXPECT_TRUE(leak::verify_none(rules).empty());
}

TEST(LeakThreads, AThreadBlockingTheSignalIsReportedFromProc) {
  std::atomic<bool> masked{false};
  Gate gate;
  std::thread t([&] {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, nullptr);
    masked = true;
    gate.wait_body("deaf");
  });
  const auto seen = wait_blocked("deaf");
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen->stack.empty());
  EXPECT_NE(seen->stack_note.find("blocks the capture signal"),
            std::string::npos);
  EXPECT_EQ(seen->state, "blocked in futex wait");
  gate.release();
  t.join();
}

TEST(LeakThreads, PlainPthreadIsSeenAndDetachIsTracked) {
  Gate gate;
  pthread_t handle;
  ASSERT_EQ(pthread_create(
                &handle, nullptr,
                [](void *arg) -> void * {
                  static_cast<Gate *>(arg)->wait_body("plain-pthread");
                  return nullptr;
                },
                &gate),
            0);
  auto seen = wait_blocked("plain-pthread");
  ASSERT_TRUE(seen);
  EXPECT_FALSE(seen->detached);
  ASSERT_EQ(pthread_detach(handle), 0);
  seen = find_thread(leak::snapshot(), "plain-pthread");
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen->detached);
  gate.release();
  // Its record goes when it ends (the gate outlives it: we wait for that).
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  while (find_thread(leak::snapshot(), "plain-pthread") &&
         std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
  EXPECT_FALSE(find_thread(leak::snapshot(), "plain-pthread"));
}

TEST(LeakThreads, StdAsyncIsSeenWithItsCaller) {
  Gate gate;
  auto done =
      std::async(std::launch::async, [&gate] { gate.wait_body("async-job"); });
  const auto seen = wait_blocked("async-job");
  ASSERT_TRUE(seen);
  EXPECT_NE(seen->spawn_site.function.find("StdAsyncIsSeenWithItsCaller"),
            std::string::npos)
      << seen->spawn_site.function;
  EXPECT_EQ(seen->state, "blocked in condition_variable::wait");
  gate.release();
  done.get();
}

TEST(LeakThreads, ALookAtManyThreadsIsBounded) {
  constexpr int n = 32;
  Gate gate;
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.push_back(spawn_gate_keeper(gate, "many"));
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  std::size_t blocked = 0;
  while (blocked < n && std::chrono::steady_clock::now() < give_up) {
    blocked = 0;
    for (const auto &t : leak::snapshot().threads)
      blocked += t.name == "many" && t.blocked;
  }
  const auto start = std::chrono::steady_clock::now();
  const leak::report r = leak::snapshot();
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(blocked, static_cast<std::size_t>(n));
  EXPECT_LT(took, 2s) << "a look at " << n << " threads";
  gate.release();
  for (auto &t : threads)
    t.join();
}

// ---------------------------------------------------------------- listener

namespace {

using tether_test::run;
using tether_test::run_result;

run_result run_fixture(const std::string &args) {
  return run(std::string(TETHER_THREAD_FIXTURE) + " " + args);
}

bool has(const run_result &r, const std::string &text) {
  return r.output.find(text) != std::string::npos;
}

} // namespace

TEST(LeakThreadListener, FailsAThreadLeftOnAConditionVariable) {
  const auto r =
      run_fixture("--gtest_filter=Leaky.ThreadBlockedOnConditionVariable");
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_TRUE(has(r, "[  FAILED  ] Leaky.ThreadBlockedOnConditionVariable"));
  EXPECT_TRUE(
      has(r, "\"consumer\" [blocked in condition_variable::wait, at least "))
      << r.output;
  EXPECT_TRUE(has(r, "leak_thread_fixture.cpp:")) << r.output;
  EXPECT_TRUE(has(r, "in (anonymous namespace)::Consumer::start()"))
      << r.output;
}

TEST(LeakThreadListener, FailsAJthreadSpinningOnAnAtomic) {
  const auto r = run_fixture("--gtest_filter=Leaky.JthreadSpinningOnAtomic");
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_TRUE(has(r, "[  FAILED  ] Leaky.JthreadSpinningOnAtomic"));
  EXPECT_TRUE(has(r, "\"spinner\" [running, at least ")) << r.output;
  EXPECT_TRUE(has(r, "in (anonymous namespace)::Spinner::start_leaky()"))
      << r.output;
}

TEST(LeakThreadListener, FailsADetachedThreadInSleepFor) {
  const auto r = run_fixture("--gtest_filter=Leaky.DetachedThreadInSleepFor");
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_TRUE(has(r, "[  FAILED  ] Leaky.DetachedThreadInSleepFor"));
  EXPECT_TRUE(has(r, "\"sleeper\" [sleeping in sleep_for, at least "))
      << r.output;
  EXPECT_TRUE(has(r, "[detached]")) << r.output;
  EXPECT_TRUE(has(r, "in (anonymous namespace)::start_sleeper")) << r.output;
}

TEST(LeakThreadListener, FailsAThreadStuckInFutureGet) {
  const auto r = run_fixture("--gtest_filter=Leaky.ThreadStuckInFutureGet");
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_TRUE(has(r, "[  FAILED  ] Leaky.ThreadStuckInFutureGet"));
  EXPECT_TRUE(has(r, signals_deferred
                         ? "\"awaiter\" [blocked in futex wait, at least "
                         : "\"awaiter\" [blocked in future::get, at least "))
      << r.output;
  EXPECT_TRUE(has(r, "in (anonymous namespace)::Waiter::start()")) << r.output;
}

TEST(LeakThreadListener, TheFixesPass) {
  const auto r = run_fixture("--gtest_filter=Fixed.*");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(has(r, "[  PASSED  ] 4 tests.")) << r.output;
}

TEST(LeakThreadListener, IgnoreRulesGivenToTheListener) {
  const std::string test = "--gtest_filter=Ignored.* ";
  EXPECT_NE(run_fixture(test).status, 0);
  EXPECT_EQ(run_fixture(test + "--ignore-name=consumer").status, 0);
  EXPECT_EQ(run_fixture(test + "--ignore-function=Consumer::start").status, 0);
  EXPECT_EQ(run_fixture(test + "--ignore-top-function=Consumer::start").status,
            0);
}

TEST(LeakThreadListener, ExitReportNamesTheThread) {
  const auto r =
      run(std::string("TETHER_LEAK_REPORT=1 ") + TETHER_THREAD_FIXTURE +
          " --gtest_filter=Leaky.ThreadStuckInFutureGet");
  EXPECT_TRUE(has(r, "leak report at exit")) << r.output;
  EXPECT_TRUE(has(r, signals_deferred ? "\"awaiter\" [blocked in futex wait"
                                      : "\"awaiter\" [blocked in future::get"))
      << r.output;
}

TEST(LeakThreadListener, PreloadedLibraryReportsAtExit) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) ||           \
    __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  GTEST_SKIP() << "the preload library is for uninstrumented programs: a "
                  "sanitizer runtime must come first in the library list";
#endif
  // A program that does not link libtether; the report comes from the
  // preloaded library alone.
  const std::string probe = TETHER_PRELOAD_PROBE;
  const auto plain = run("TETHER_LEAK_REPORT=1 " + probe);
  EXPECT_FALSE(has(plain, "leak report at exit")) << plain.output;
  const auto r = run(std::string("LD_PRELOAD=") + TETHER_THREADS_PRELOAD +
                     " TETHER_LEAK_REPORT=1 " + probe);
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(has(r, "leak report at exit")) << r.output;
  EXPECT_TRUE(has(r, "\"forgotten\" [blocked in condition_variable::wait"))
      << r.output;
  EXPECT_TRUE(has(r, "start_forgotten_worker()")) << r.output;
}
