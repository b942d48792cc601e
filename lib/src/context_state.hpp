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
#include <tether/detail/parker.hpp>

namespace tether::detail {

struct context_state {
  context_state() = default;
  context_state(const context_state &) = delete;
  ~context_state();

  // A spinlock, as a channel's: every section under it is a few stores (no
  // call out of the runtime), and std::mutex cost ContextCancel a tenth.
  spinlock mutex;
  std::error_code error;              // guarded by mutex
  std::atomic<bool> cancelled{false}; // error is set
  // Made on first use (guarded by mutex), as Go's lazy done channel: most
  // contexts are cancelled without anyone asking for either.
  chan<std::monostate> done;
  std::stop_source stop{std::nostopstate};
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::shared_ptr<context_state> parent;
  // Children stay alive until cancelled, as in Go: that is the cost of a
  // cancel function never called.
  std::unordered_map<context_state *, std::shared_ptr<context_state>> children;
  std::uint64_t timer_id = 0;
  std::source_location site;
};

/// What a cancel_func shares: it lives in the same allocation as its
/// context's state (see cancellable_context), and counts the cancel_func
/// copies itself to report the last one dropped uncalled.
struct cancel_record {
  cancel_record(context_state &ctx, std::source_location where)
      : context(ctx), site(where) {}
  cancel_record(const cancel_record &) = delete;

  /// The last cancel_func copy is gone: a dropped cancel unless it was
  /// called or the context was cancelled otherwise.
  void release() noexcept;

  context_state &context;
  std::source_location site;
  std::atomic<bool> called{false};
  // cancel_func copies alive; the first, made with the record, adopts the 1
  std::atomic<long> handles{1};
};

/// A context's state and its cancel record: one allocation per with_cancel.
struct cancellable_context {
  explicit cancellable_context(std::source_location where)
      : record(state, where) {
    state.site = where;
  }

  context_state state;
  cancel_record record;
};

/// Cancels `root` and all its descendants with `error`.
void cancel_tree(context_state &root, std::error_code error,
                 bool detach_from_parent);

} // namespace tether::detail
