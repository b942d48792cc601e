// Helpers shared by the runtime tests: iteration scaling under sanitizers,
// bounded waits, and a way to start a task and wait until it is parked.
#pragma once

#include <tether/tether.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <utility>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define TETHER_TEST_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TETHER_TEST_SANITIZED 1
#endif

namespace tether_test {

using namespace std::chrono_literals;

#ifdef TETHER_TEST_SANITIZED
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif

/// `n` normally, `n / divisor` (at least 1) in a sanitizer build.
constexpr int scaled(int n, int divisor = 10) {
  return sanitized ? std::max(1, n / divisor) : n;
}

/// How long a test waits for something that must happen before it fails
/// instead of hanging.
inline constexpr auto patience = 20s;

/// How long a test watches something that must not happen. Not seeing it in
/// this time is the evidence that it blocks.
inline constexpr auto short_while = 30ms;

/// Receives from `ch`, giving up after `d`: the value (or an empty optional
/// when closed), or std::nullopt if nothing arrived in time.
template <class T>
std::optional<std::optional<T>> recv_within(const tether::recv_chan<T> &ch,
                                            tether::clock::duration d) {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), d);
  auto result = ch.recv(ctx);
  cancel();
  if (result.status == tether::chan_status::cancelled)
    return std::nullopt;
  return std::move(result.value);
}

/// Waits (bounded by `patience`) until the task or thread owning `record`
/// is parked in the runtime.
inline bool wait_until_parked(const tether::detail::task_record &record) {
  const auto give_up = std::chrono::steady_clock::now() + patience;
  while (tether::detail::status_state(
             record.status.load(std::memory_order_acquire)) ==
         tether::detail::task_state::running) {
    if (std::chrono::steady_clock::now() > give_up)
      return false;
    std::this_thread::sleep_for(50us);
  }
  return true;
}

/// Starts `f` as a task and returns once the task is parked in a blocking
/// tether call (a channel operation, select, wait or sleep), so that tests
/// can order blocked parties without sleeping. Call from a plain thread.
template <class F> void go_and_wait_parked(F f) {
  std::atomic<const tether::detail::task_record *> record{nullptr};
  tether::go([&record, f = std::move(f)]() mutable {
    record.store(&tether::detail::current_record(), std::memory_order_release);
    f();
  });
  const auto give_up = std::chrono::steady_clock::now() + patience;
  while (!record.load(std::memory_order_acquire)) {
    ASSERT_LT(std::chrono::steady_clock::now(), give_up) << "task never ran";
    std::this_thread::sleep_for(50us);
  }
  ASSERT_TRUE(wait_until_parked(*record.load())) << "task never blocked";
}

} // namespace tether_test
