#include "leak_events.hpp"

#include <mutex>
#include <unordered_map>

namespace tether::detail {
namespace {

struct event_log {
  std::mutex mutex;
  std::vector<dropped_cancel> dropped_cancels;
  std::unordered_map<timer_state *, std::uint64_t> tickers;
  std::uint64_t next_ticker = 1;
};

event_log &log() {
  static auto *events = new event_log; // written to until the process ends
  return *events;
}

} // namespace

void record_dropped_cancel(std::source_location site) {
  auto &events = log();
  std::lock_guard lock(events.mutex);
  events.dropped_cancels.push_back({events.dropped_cancels.size() + 1, site,
                                    std::chrono::steady_clock::now()});
}

std::vector<dropped_cancel> dropped_cancels_after(std::uint64_t after) {
  auto &events = log();
  std::lock_guard lock(events.mutex);
  if (after >= events.dropped_cancels.size())
    return {};
  return {events.dropped_cancels.begin() + static_cast<std::ptrdiff_t>(after),
          events.dropped_cancels.end()};
}

std::uint64_t last_dropped_cancel() {
  auto &events = log();
  std::lock_guard lock(events.mutex);
  return events.dropped_cancels.size();
}

std::uint64_t register_ticker(timer_state *ticker) {
  auto &events = log();
  std::lock_guard lock(events.mutex);
  const std::uint64_t id = events.next_ticker++;
  events.tickers.emplace(ticker, id);
  return id;
}

void unregister_ticker(timer_state *ticker) {
  auto &events = log();
  std::lock_guard lock(events.mutex);
  events.tickers.erase(ticker);
}

void for_each_ticker(
    const std::function<void(std::uint64_t, timer_state &)> &visit) {
  auto &events = log();
  std::lock_guard lock(events.mutex);
  for (auto &[ticker, id] : events.tickers)
    visit(id, *ticker);
}

} // namespace tether::detail
