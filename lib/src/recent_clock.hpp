// The time that tasks stamp their records with when they block: one load of
// a shared word instead of a clock read, which under kvm-clock costs as much
// as the rest of a blocked scope. Go's runtime avoids the read too (it learns
// how long a goroutine waited from the collector); tether keeps the word
// fresh the way Go's sysmon watches the Ps: a ticker thread stores the clock
// every tick while any worker is awake, and a worker stores it as it wakes.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace tether::detail {

/// How stale recent_now_ns() may be while a worker runs tasks.
inline constexpr auto recent_clock_tick = std::chrono::milliseconds(1);

extern std::atomic<std::int64_t> recent_clock_ns;

/// steady_clock in nanoseconds as of at most about one tick ago, on a worker
/// thread (elsewhere it may be older: read the clock there).
[[nodiscard]] inline std::int64_t recent_now_ns() noexcept {
  return recent_clock_ns.load(std::memory_order_relaxed);
}

/// Starts the ticker for `workers` worker threads (once, with the workers).
void start_recent_clock(std::size_t workers);

/// A worker is about to sleep for lack of work, and has woken: the ticker
/// sleeps while every worker does, as nothing reads the time then.
void worker_sleeps() noexcept;
void worker_wakes() noexcept;

} // namespace tether::detail
