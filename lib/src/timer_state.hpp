// The state shared by a ticker or timer, its channel and its pending firing.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <source_location>

#include <tether/chan.hpp>

#include "leak_events.hpp"

namespace tether::detail {

struct timer_state : std::enable_shared_from_this<timer_state> {
  using clock = std::chrono::steady_clock;

  timer_state(clock::duration repeat, std::source_location where)
      : period(repeat), site(where),
        ticker_id(repeat != clock::duration::zero() ? register_ticker(this)
                                                    : 0) {}
  ~timer_state() {
    if (ticker_id)
      unregister_ticker(this);
  }
  timer_state(const timer_state &) = delete;

  /// Schedules the next firing at `when`; requires mutex.
  void arm_locked(clock::time_point when);
  /// Cancels the pending firing; true if there was one. Requires mutex.
  bool disarm_locked();
  /// Delivers one tick (dropped if the channel is full) and re-arms a ticker.
  void fire(std::uint64_t generation, clock::time_point due);

  std::mutex mutex;
  chan<clock::time_point> channel = make_chan<clock::time_point>(1);
  clock::duration period; // zero for a one-shot timer
  std::source_location site;
  bool active = false;
  std::uint64_t generation = 0; // bumped on every arm and disarm
  std::uint64_t timer_id = 0;
  // For the leak detector: when a tick last found room in the channel.
  std::atomic<std::int64_t> last_delivered_ns{0};
  std::atomic<std::uint64_t> dropped_ticks{0};
  const std::uint64_t ticker_id; // non-zero for tickers, in the leak registry
};

} // namespace tether::detail
