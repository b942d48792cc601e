// Timers and tickers driven by the runtime's timer service (one thread for
// all timers, as Go's runtime timers), plus sleeps.
#pragma once

#include <chrono>
#include <memory>
#include <source_location>
#include <system_error>

#include <tether/chan.hpp>
#include <tether/config.hpp>
#include <tether/context.hpp>

namespace tether {

using clock = std::chrono::steady_clock;

namespace detail {
struct timer_state;
}

/// Delivers the time on its channel every period until stopped; stops when
/// destroyed. The channel holds one tick; ticks are dropped while it is full.
/// stop() does not close the channel, as in Go.
class TETHER_ANNOTATE("tether::ticker") ticker {
public:
  /// Throws std::invalid_argument for a non-positive period, as Go panics.
  explicit ticker(clock::duration period,
                  std::source_location site = std::source_location::current());
  ~ticker();
  ticker(ticker &&) noexcept;
  ticker &operator=(ticker &&) noexcept;

  [[nodiscard]] recv_chan<clock::time_point> chan() const;
  TETHER_ANNOTATE("tether::ticker_stop") void stop() noexcept;
  /// Stops the ticker and restarts it with a new period.
  void reset(clock::duration period);

private:
  std::shared_ptr<detail::timer_state> state_;
};

/// Delivers the time on its channel once, after a duration; stops when
/// destroyed.
class timer {
public:
  explicit timer(clock::duration after,
                 std::source_location site = std::source_location::current());
  ~timer();
  timer(timer &&) noexcept;
  timer &operator=(timer &&) noexcept;

  [[nodiscard]] recv_chan<clock::time_point> chan() const;
  /// True if the call stopped the timer before it fired.
  TETHER_ANNOTATE("tether::ticker_stop") bool stop() noexcept;
  /// Re-arms the timer; true if it had been active.
  bool reset(clock::duration after);

private:
  std::shared_ptr<detail::timer_state> state_;
};

/// A channel that receives the time once after `d` (Go's time.After). The
/// timer stays pending until it fires.
[[nodiscard]] TETHER_ANNOTATE("tether::one_shot_timer")
    recv_chan<clock::time_point> after(
        clock::duration d,
        std::source_location site = std::source_location::current());

/// A channel fed by a ticker that can never be stopped (Go's time.Tick).
[[nodiscard]] TETHER_ANNOTATE("tether::unstoppable_ticker")
    recv_chan<clock::time_point> tick(
        clock::duration period,
        std::source_location site = std::source_location::current());

/// Sleeps without observing any cancellation.
TETHER_ANNOTATE("tether::blocking_sleep")
void sleep(clock::duration d,
           std::source_location site = std::source_location::current());

/// Sleeps for `d` unless `ctx` is cancelled first; returns ctx.err() then.
[[nodiscard]] TETHER_ANNOTATE("tether::cancellable") std::error_code
    sleep(const context &ctx, clock::duration d,
          std::source_location site = std::source_location::current());

} // namespace tether
