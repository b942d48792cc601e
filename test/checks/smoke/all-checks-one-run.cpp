// RUN: %check_tether %s 'tether-*' %t
// RUN: %check_tether --check-suffix=CXX14 %s 'tether-*' %t -- -- -std=c++14
// The parent index never falls back to the whole-TU map: the root matcher
// ran. (Without the global ticker, whose uses anywhere in the file are
// looked up in that map: see docs/benchmarks.md.)
// RUN: env TETHER_TIDY_TRACE_PARENTS=1 %tether_tidy '--checks=-*,tether-*' %s -- -std=c++20 -I%tether_include -DNO_GLOBAL_TICKER 2>&1 | %FileCheck %s --check-prefix=TRACE --implicit-check-not=fallback
// RUN: env TETHER_TIDY_TRACE_PARENTS=1 %tether_tidy '--checks=-*,tether-*' %s -- -std=c++14 2>&1 | %FileCheck %s --check-prefix=TRACE --implicit-check-not=fallback
// TRACE: warning{{s?}} generated

// All four checks in one run. One enabled check registers the parent index's
// root matcher for all of them (loop-without-exit when it is enabled; under
// C++14 it is the only tether check that runs); each must still find its own
// leaks, including in a global's initialiser, which is a root itself.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

std::atomic<long> iterations;

void start_counter() {
  std::thread([] {
    for (long i = 0;; ++i)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      // CHECK-MESSAGES-CXX14: :[[@LINE-2]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      iterations.store(i, std::memory_order_relaxed);
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs a loop that observes no stop signal; nothing can stop it or wait for it to end [tether-detached-thread]
  // CHECK-MESSAGES-CXX14: :[[@LINE-2]]:6: warning: detached thread runs a loop that observes no stop signal; nothing can stop it or wait for it to end [tether-detached-thread]
}

// Safe, and its wait lies in a function after the notify's: the check of
// the notify looks at the wait before the finder has reached its function.
class Waker {
public:
  void wake() {
    {
      std::lock_guard<std::mutex> Guard(M);
      Ready = true;
    }
    Cv.notify_one();
  }
  void wait() {
    std::unique_lock<std::mutex> Lock(M);
    Cv.wait(Lock, [this] { return Ready; });
  }

private:
  std::mutex M;
  std::condition_variable Cv;
  bool Ready = false;
};

#if __cplusplus >= 202002L
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

#ifndef NO_GLOBAL_TICKER
static tether::ticker g_heartbeat(10ms);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: global ticker 'g_heartbeat' is never stopped; it fires until the program exits [tether-unstopped-ticker]

bool beat() { return static_cast<bool>(g_heartbeat.chan().try_recv()); }
#endif

void fire_and_forget() {
  auto progress = tether::make_chan<int>();
  tether::go([=] { progress.send(100); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: send on 'progress' blocks forever: nothing receives from it [tether-unbounded-channel-send]
}
// CHECK-FIXES: auto progress = tether::make_chan<int>(1);

// One spawn that two checks analyse: the role matchers, shared by the checks,
// call back every check the node plays a role for.
std::atomic<long> beats;

void start_beat_counter() {
  auto every = std::make_shared<tether::ticker>(10ms);
  std::thread([every] {
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: ticker 'every' is kept alive by a task whose loop never exits; it is never stopped [tether-unstopped-ticker]
    for (long i = 0;; ++i)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      beats.store(i, std::memory_order_relaxed);
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs a loop that observes no stop signal; nothing can stop it or wait for it to end [tether-detached-thread]
}

#pragma clang diagnostic ignored "-Wunused-result"
void drop(const tether::context &parent) { tether::with_cancel(parent); }
// CHECK-MESSAGES: :[[@LINE-1]]:44: warning: result of 'with_cancel' is discarded: its cancel function is never called [tether-dropped-cancellation]
#endif
