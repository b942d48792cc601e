// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// In a coroutine, co_return is the exit.
#include <coroutine>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

task early(context parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  if (cond())
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this co_return is reached without calling 'cancel'
  co_await std::suspend_never{};
  cancel();
}

// Cancelled before every co_return: silent.
task every_path(context parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  if (cond()) {
    cancel();
    co_return;
  }
  co_await std::suspend_never{};
  cancel();
}