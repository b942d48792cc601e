#include "leak_events.hpp"

#include <chrono>
#include <mutex>
#include <vector>

namespace tether::detail {
namespace {

struct dropped_cancel {
  std::source_location site;
  std::chrono::steady_clock::time_point when;
};

struct event_log {
  std::mutex mutex;
  std::vector<dropped_cancel> dropped_cancels;
};

event_log &log() {
  static auto *events = new event_log; // written to until the process ends
  return *events;
}

} // namespace

void record_dropped_cancel(std::source_location site) {
  auto &events = log();
  std::lock_guard lock(events.mutex);
  events.dropped_cancels.push_back({site, std::chrono::steady_clock::now()});
}

} // namespace tether::detail
