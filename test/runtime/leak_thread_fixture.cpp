// Deliberately leaking std-thread tests for leak_thread_test.cpp, which runs
// each in a child process: every Leaky* test leaves a thread stuck and must
// be failed by the listener, naming the thread, its spawn site and where it
// is stuck; its Fixed* twin does the same work correctly and must pass.
#include <tether/gtest.hpp>

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

namespace {

/// Polls (bounded) until `done()`.
template <typename Done> void poll_until(Done done) {
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  while (!done() && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
}

// A queue consumer whose producer never notifies: the std::thread is kept in
// a member that is never joined (leaked on purpose, so no terminate()).
struct Consumer {
  std::mutex mutex;
  std::condition_variable ready;
  bool has_item = false;
  std::atomic<bool> waiting{false};
  std::thread worker;

  void start() {
    worker = std::thread([this] {
      pthread_setname_np(pthread_self(), "consumer");
      std::unique_lock lock(mutex);
      waiting = true;
      ready.wait(lock, [this] { return has_item; });
    });
    poll_until([this] { return waiting.load(); });
  }
  void finish() {
    {
      std::lock_guard lock(mutex);
      has_item = true;
    }
    ready.notify_one();
    worker.join();
  }
};

// A spinner that polls a flag nobody sets; the fix polls its stop token.
struct Spinner {
  std::atomic<bool> go_home{false};
  std::jthread worker;

  void start_leaky() {
    worker = std::jthread([this] {
      pthread_setname_np(pthread_self(), "spinner");
      while (!go_home.load(std::memory_order_relaxed)) {
      }
    });
  }
  void start_fixed() {
    worker = std::jthread([](std::stop_token stop) {
      pthread_setname_np(pthread_self(), "spinner");
      while (!stop.stop_requested()) {
      }
    });
  }
};

void start_sleeper(std::chrono::milliseconds nap) {
  std::thread([nap] {
    pthread_setname_np(pthread_self(), "sleeper");
    std::this_thread::sleep_for(nap);
  }).detach();
}

// Waits for a result nobody ever sets (the promise outlives the test).
struct Waiter {
  std::promise<int> result;
  std::thread worker;

  void start() {
    worker = std::thread([f = result.get_future()]() mutable {
      pthread_setname_np(pthread_self(), "awaiter");
      (void)f.get();
    });
  }
};

} // namespace

TEST(Leaky, ThreadBlockedOnConditionVariable) {
  (new Consumer)->start(); // never finished: the notify is missing
}

TEST(Fixed, ThreadBlockedOnConditionVariable) {
  Consumer c;
  c.start();
  c.finish();
}

TEST(Leaky, JthreadSpinningOnAtomic) {
  (new Spinner)->start_leaky(); // nobody sets go_home
}

TEST(Fixed, JthreadSpinningOnAtomic) {
  Spinner s;
  s.start_fixed(); // ~jthread requests stop and joins
}

TEST(Leaky, DetachedThreadInSleepFor) { start_sleeper(std::chrono::hours(1)); }

TEST(Fixed, DetachedThreadInSleepFor) { start_sleeper(20ms); }

TEST(Leaky, ThreadStuckInFutureGet) {
  (new Waiter)->start(); // the value is never set
}

TEST(Fixed, ThreadStuckInFutureGet) {
  Waiter w;
  w.start();
  w.result.set_value(42);
  w.worker.join();
}

// Ignore rules given to the listener on the command line (see main).
TEST(Ignored, ThreadBlockedOnConditionVariable) { (new Consumer)->start(); }

int main(int argc, char **argv) {
  testing::InitGoogleTest(&argc, argv);
  auto rules = tether::leak::options().wait(200ms);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--ignore-name=", 0) == 0)
      rules.ignore_name(arg.substr(14));
    else if (arg.rfind("--ignore-function=", 0) == 0)
      rules.ignore_function(arg.substr(18));
    else if (arg.rfind("--ignore-top-function=", 0) == 0)
      rules.ignore_top_function(arg.substr(22));
  }
  tether::leak::install_gtest_listener(rules);
  return RUN_ALL_TESTS();
}
