// The registry of live tasks and of plain threads that blocked in tether.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_set>

#include <tether/detail/task_record.hpp>

namespace tether::detail {

class task_registry {
public:
  static task_registry &instance();

  [[nodiscard]] std::uint64_t next_id() noexcept {
    return next_id_.fetch_add(1, std::memory_order_relaxed);
  }
  void add(task_record *record);
  void remove(task_record *record);
  /// Calls `visit` on every live record, under the registry lock.
  void for_each(const std::function<void(const task_record &)> &visit) const;

private:
  mutable std::mutex mutex_;
  std::unordered_set<task_record *> live_;
  std::atomic<std::uint64_t> next_id_{1};
};

} // namespace tether::detail
