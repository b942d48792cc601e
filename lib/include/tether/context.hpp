// context: Go's context package. A context is cancelled by its cancel
// function, by its deadline, or by its parent; cancellation flows down the
// tree, never up. Every cancel function must be called (the runtime reports
// one destroyed uncalled while its context is live, as `go vet` does).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <source_location>
#include <stop_token>
#include <system_error>
#include <utility>
#include <variant>

#include <tether/chan.hpp>
#include <tether/config.hpp>
#include <tether/errors.hpp>

namespace tether {

namespace detail {
struct context_state;
struct cancel_record;
} // namespace detail

class TETHER_ANNOTATE("tether::context") context {
public:
  /// The background context: never cancelled, no deadline.
  context() = default;

  /// Closed when the context is cancelled; the nil channel for background().
  [[nodiscard]] recv_chan<std::monostate> done() const;

  /// Empty while live; errc::canceled or errc::deadline_exceeded after.
  [[nodiscard]] std::error_code err() const;

  [[nodiscard]] std::optional<std::chrono::steady_clock::time_point>
  deadline() const;

  /// A std::stop_token that is stopped when this context is cancelled.
  [[nodiscard]] std::stop_token stop_token() const;

  friend bool operator==(const context &, const context &) = default;

  /// The shared state, for the runtime and the leak detector.
  [[nodiscard]] const std::shared_ptr<detail::context_state> &
  state() const noexcept {
    return state_;
  }
  explicit context(std::shared_ptr<detail::context_state> state) noexcept
      : state_(std::move(state)) {}

private:
  std::shared_ptr<detail::context_state> state_;
};

/// The root of every context tree (Go's context.Background()).
[[nodiscard]] inline context background() noexcept { return context(); }

/// Cancels its context and releases its resources; calling it again does
/// nothing. Copies are cheap and share one cancellation.
class TETHER_ANNOTATE("tether::cancel_func") cancel_func {
public:
  cancel_func() = default;
  /// The first cancel function of a new record: takes the one handle the
  /// record starts with.
  explicit cancel_func(std::shared_ptr<detail::cancel_record> record) noexcept;
  cancel_func(const cancel_func &other) noexcept;
  cancel_func(cancel_func &&other) noexcept = default;
  cancel_func &operator=(cancel_func other) noexcept {
    std::swap(record_, other.record_);
    return *this;
  }
  ~cancel_func();

  void operator()() const;

private:
  std::shared_ptr<detail::cancel_record> record_;
};

/// A child of `parent` cancelled by the returned function.
[[nodiscard]] TETHER_ANNOTATE("tether::context_factory")
    std::pair<context, cancel_func> with_cancel(
        const context &parent,
        std::source_location site = std::source_location::current());

/// A child of `parent` cancelled at `deadline` at the latest.
[[nodiscard]] TETHER_ANNOTATE("tether::context_factory")
    std::pair<context, cancel_func> with_deadline(
        const context &parent, std::chrono::steady_clock::time_point deadline,
        std::source_location site = std::source_location::current());

/// A child of `parent` cancelled after `timeout` at the latest.
[[nodiscard]] TETHER_ANNOTATE("tether::context_factory")
    std::pair<context, cancel_func> with_timeout(
        const context &parent, std::chrono::steady_clock::duration timeout,
        std::source_location site = std::source_location::current());

} // namespace tether

#include <tether/select.hpp>
