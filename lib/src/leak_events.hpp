// Leak events that the runtime records as they happen (the task registry
// covers what is alive; these cover what was lost), and the registry of live
// tickers whose idleness the detector reports.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <source_location>
#include <vector>

namespace tether::detail {

struct timer_state;

/// The last copy of a cancel function died uncalled while its context lived.
void record_dropped_cancel(std::source_location site);

struct dropped_cancel {
  std::uint64_t sequence; // 1, 2, ... in the order they happened
  std::source_location site;
  std::chrono::steady_clock::time_point when;
};

/// The dropped cancellations with a sequence number above `after`.
[[nodiscard]] std::vector<dropped_cancel>
dropped_cancels_after(std::uint64_t after);
/// The sequence number of the last dropped cancellation (0 if none).
[[nodiscard]] std::uint64_t last_dropped_cancel();

/// Tickers register while their state lives; returns the ticker's id.
std::uint64_t register_ticker(timer_state *ticker);
void unregister_ticker(timer_state *ticker);
/// Calls `visit(id, ticker)` on every live ticker, under the registry lock.
void for_each_ticker(
    const std::function<void(std::uint64_t, timer_state &)> &visit);

} // namespace tether::detail
