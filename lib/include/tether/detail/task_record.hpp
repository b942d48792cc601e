// The record every task (and every thread that blocks in tether) keeps about
// itself, so the leak detector can say what it is doing and since when.
// Updates are a few relaxed stores into the task's own record.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <source_location>
#include <string>
#include <string_view>

namespace tether::detail {

enum class task_state : std::uint8_t { running, blocked, sleeping };

/// What a blocked task waits for; the words appear in reports.
enum class block_kind : std::uint8_t {
  none,
  chan_send,
  chan_recv,
  select,
  wait_group,
  sleep,
  context,
};

[[nodiscard]] std::string_view to_string(block_kind kind) noexcept;

struct task_record {
  std::uint64_t id = 0;
  std::string name;
  std::source_location spawn_site;
  std::chrono::steady_clock::time_point spawned_at;
  bool is_task = true; ///< false for a plain thread that blocked in tether

  std::atomic<task_state> state{task_state::running};
  std::atomic<block_kind> blocked_on{block_kind::none};
  std::atomic<const char *> blocked_type{nullptr}; ///< e.g. "int" for chan<int>
  std::atomic<std::source_location> block_site{};
  std::atomic<std::int64_t> blocked_since_ns{0}; ///< steady_clock
  std::atomic<const void *> blocked_object{nullptr}; ///< channel state, for reachability
  /// Last time the task blocked, slept or checked its context (steady ns).
  std::atomic<std::int64_t> last_progress_ns{0};
};

/// The record of the calling task, or of the calling plain thread.
[[nodiscard]] task_record &current_record() noexcept;

[[nodiscard]] inline std::int64_t steady_now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// Marks the calling task blocked for the lifetime of the scope.
class blocked_scope {
public:
  blocked_scope(block_kind kind, std::source_location site,
                const char *type = nullptr,
                const void *object = nullptr) noexcept;
  ~blocked_scope();
  blocked_scope(const blocked_scope &) = delete;
  blocked_scope &operator=(const blocked_scope &) = delete;

private:
  task_record &record_;
};

/// Records that the calling task looked at its context or stop token.
void note_progress() noexcept;

} // namespace tether::detail
