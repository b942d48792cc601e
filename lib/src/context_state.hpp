// The shared state of a context and of its cancel function.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <source_location>
#include <stop_token>
#include <system_error>
#include <unordered_map>
#include <variant>

#include <tether/chan.hpp>

namespace tether::detail {

struct context_state {
  context_state() = default;
  context_state(const context_state &) = delete;
  ~context_state();

  std::mutex mutex;
  std::error_code error;              // guarded by mutex
  std::atomic<bool> cancelled{false}; // error is set
  chan<std::monostate> done = make_chan<std::monostate>();
  std::stop_source stop;
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::shared_ptr<context_state> parent;
  // Children stay alive until cancelled, as in Go: that is the cost of a
  // cancel function never called.
  std::unordered_map<context_state *, std::shared_ptr<context_state>> children;
  std::uint64_t timer_id = 0;
  std::source_location site;
};

struct cancel_record {
  cancel_record(std::shared_ptr<context_state> ctx, std::source_location where)
      : context(std::move(ctx)), site(where) {}
  cancel_record(const cancel_record &) = delete;
  ~cancel_record();

  std::shared_ptr<context_state> context;
  std::source_location site;
  std::atomic<bool> called{false};
};

/// Cancels `root` and all its descendants with `error`.
void cancel_tree(const std::shared_ptr<context_state> &root,
                 std::error_code error, bool detach_from_parent);

} // namespace tether::detail
