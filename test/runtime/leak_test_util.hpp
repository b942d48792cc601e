// Helpers for the leak detector's tests: wait (bounded) until a named task is
// parked, and find a task in a report.
#pragma once

#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tether_test {

inline std::optional<tether::leak::task_info>
find_task(const std::vector<tether::leak::task_info> &tasks,
          const std::string &name) {
  auto it = std::find_if(tasks.begin(), tasks.end(),
                         [&](const auto &t) { return t.name == name; });
  if (it == tasks.end())
    return std::nullopt;
  return *it;
}

/// Waits up to 20s until the task called `name` is blocked (not sleeping).
inline bool wait_blocked(const std::string &name) {
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < give_up) {
    auto t = find_task(tether::leak::live_tasks(), name);
    if (t && t->state == tether::leak::task_state::blocked)
      return true;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return false;
}

/// Options that ignore what other tests left behind and wait briefly.
inline tether::leak::options quick() {
  return tether::leak::options().ignore_current().wait(
      std::chrono::milliseconds(100));
}

} // namespace tether_test
