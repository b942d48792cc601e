// The record every task (and every thread that blocks in tether) keeps about
// itself, so the leak detector can say what it is doing and since when.
// Updates are a few relaxed stores into the task's own record.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <source_location>
#include <string>
#include <string_view>

#include <time.h>

#include <boost/intrusive/list_hook.hpp>

namespace tether::detail {

class parker;

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

/// How the definite-leak check counts the handles of the one channel a
/// plain send or receive waits on (type-erased shared_ptr<chan_state<T>>).
using use_count_fn = long (*)(const void *handle) noexcept;

template <class S> long shared_use_count(const void *handle) noexcept {
  return static_cast<const std::shared_ptr<S> *>(handle)->use_count();
}

/// What a blocked task waits for. It lives in the blocked_scope, on the
/// task's stack, so starting a scope stores one pointer, not each field.
struct block_description {
  block_kind kind = block_kind::none;
  std::source_location site;
  const char *type = nullptr; ///< e.g. "int" for chan<int>
  /// The parker of the blocking call; claimed = a wake-up is coming.
  const parker *waiting = nullptr;
  /// For a plain send/receive: the handle it runs on and how to count its
  /// channel's handles; nullptr for selects and cancellable operations.
  const void *sole_handle = nullptr;
  use_count_fn sole_use_count = nullptr;
};

/// The two halves of task_record::status.
[[nodiscard]] constexpr task_state status_state(std::uint64_t status) noexcept {
  return static_cast<task_state>(status & 3);
}
[[nodiscard]] constexpr std::uint64_t
status_epoch(std::uint64_t status) noexcept {
  return status >> 2;
}

struct task_record {
  task_record() = default;
  task_record(const task_record &) = delete;
  task_record &operator=(const task_record &) = delete;
  /// A task's record is a task_with_body (detail/spawn.hpp).
  virtual ~task_record() = default;
  /// Runs the task's body; a plain thread's record has none.
  virtual void run_body() {}

  std::uint64_t id = 0;
  std::string name;
  std::source_location spawn_site;
  std::chrono::steady_clock::time_point spawned_at;
  bool is_task = true; ///< false for a plain thread that blocked in tether

  /// The task_state in the low two bits and, above them, a count bumped
  /// when a blocked scope starts and when it ends: one word, so that the
  /// detector reads both at once (see status_state and status_epoch).
  std::atomic<std::uint64_t> status{0};
  /// What the current blocked scope waits for; followed only while `status`
  /// says blocked or sleeping, under inspect_mutex (see blocked_scope).
  std::atomic<const block_description *> block{nullptr};
  /// When the current or last blocked scope started (steady ns).
  std::atomic<std::int64_t> blocked_since_ns{0};
  /// When the task started or last checked its context (steady ns).
  std::atomic<std::int64_t> last_progress_ns{0};
  /// The task's closure (its captures and bound arguments), set at start.
  const void *closure = nullptr;
  std::size_t closure_size = 0;
  /// Held by the detector while it reads a blocked party's stack objects; a
  /// blocked scope ends only after the detector lets go (see blocked_scope).
  std::mutex inspect_mutex;
  /// The registry's link: the record is its own list node, so registering a
  /// task allocates nothing.
  boost::intrusive::list_member_hook<> registry_hook;
};

/// The record of the calling task, or of the calling plain thread.
[[nodiscard]] task_record &current_record() noexcept;

/// steady_clock::now() in nanoseconds.
[[nodiscard]] inline std::int64_t precise_now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// The monotonic clock at tick resolution (a few ms): what records store.
/// steady_clock::now() costs 60-90 ns under kvm-clock, the coarse clock
/// ~10 ns, and reports need milliseconds, not nanoseconds. Same epoch as
/// steady_clock on Linux (CLOCK_MONOTONIC), so the two can be compared.
[[nodiscard]] inline std::int64_t steady_now_ns() noexcept {
#if defined(CLOCK_MONOTONIC_COARSE)
  timespec now;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
  return std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
#else
  return precise_now_ns();
#endif
}

/// Marks the calling task blocked for the lifetime of the scope. Pass the
/// parker the caller will park on: the leak detector takes a blocked scope
/// without one (send, receive or select) for the nil channel, which nothing
/// can ever wake, and reports it as definitely leaked.
class blocked_scope {
public:
  explicit blocked_scope(const block_description &what) noexcept;
  blocked_scope(block_kind kind, std::source_location site,
                const char *type = nullptr,
                const parker *waiting = nullptr) noexcept
      : blocked_scope(block_description{kind, site, type, waiting}) {}
  /// A plain send or receive that waits on `state`'s channel alone.
  template <class S>
  blocked_scope(block_kind kind, std::source_location site, const char *type,
                const std::shared_ptr<S> &state, const parker &waiting) noexcept
      : blocked_scope(block_description{kind, site, type, &waiting, &state,
                                        &shared_use_count<S>}) {}
  ~blocked_scope();
  blocked_scope(const blocked_scope &) = delete;
  blocked_scope &operator=(const blocked_scope &) = delete;

private:
  block_description what_;
  task_record *record_; ///< nullptr while tracking is off
};

/// Records that the calling task looked at its context or stop token.
void note_progress() noexcept;

/// Records where the calling task's closure lives (called once at its start).
void note_closure(const void *closure, std::size_t size) noexcept;

/// Wraps a task body so that, wherever it ends up, it tells the registry
/// where its captures live: the definite-leak check looks there for handles.
template <class B> struct tracked_closure {
  B body;
  void operator()() {
    note_closure(&body, sizeof(B));
    body();
  }
};

} // namespace tether::detail
