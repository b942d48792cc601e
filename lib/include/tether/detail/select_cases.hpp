// The cases of a select: each wraps one operation (a channel send or
// receive, a stop request, or the default) behind the interface that
// run_select drives under the channel locks.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <source_location>
#include <stop_token>
#include <type_traits>
#include <utility>

#include <tether/detail/chan_state.hpp>
#include <tether/detail/parker.hpp>
#include <tether/detail/task_record.hpp>
#include <tether/errors.hpp>

namespace tether::detail {

/// What a case's poll without the channel lock found.
enum class unlocked_poll { taken, not_ready, needs_lock };

/// One case of a select; the select holds the channel locks around poll,
/// enqueue and dequeue.
class select_case {
public:
  /// The channel lock this case needs, or nullptr (nil channel, default, stop).
  [[nodiscard]] virtual spinlock *lock() noexcept { return nullptr; }
  [[nodiscard]] virtual bool is_default() const noexcept { return false; }
  /// Completes the operation now without the channel lock when that alone
  /// decides it (a buffered channel's value or room, a stop request, a nil
  /// channel that is never ready); needs_lock otherwise.
  [[nodiscard]] virtual unlocked_poll poll_unlocked() {
    return unlocked_poll::needs_lock;
  }
  /// Completes the operation now if it can; `woken` is a party to unpark.
  [[nodiscard]] virtual bool poll(waiter_node *&woken) = 0;
  /// Queues `node` to be completed by another party. False, with nothing
  /// queued, if a lock-free operation made the case ready meanwhile.
  [[nodiscard]] virtual bool enqueue(waiter_node &node) = 0;
  /// Takes `node` back out of the queue if it is still there.
  virtual void dequeue(waiter_node &node) = 0;
  /// Called on the winning case after another party completed it.
  virtual void finish() {}
  /// Runs the case's handler.
  virtual void run() = 0;

  std::source_location site;

protected:
  explicit select_case(std::source_location where) : site(where) {}
  ~select_case() = default;
};

/// Where the parked select is reported as blocked.
struct block_info {
  block_kind kind = block_kind::select;
  std::source_location site;
  const char *type = nullptr;
};

/// Runs a select over `count` cases; returns the index of the case taken.
int run_select(select_case *const *cases, std::size_t count,
               const block_info &info);

template <class F> void invoke_nullary(F &fn) {
  if constexpr (!std::is_same_v<F, std::nullptr_t>)
    std::invoke(fn);
}

template <class T, class F> class recv_case final : public select_case {
public:
  recv_case(std::shared_ptr<chan_state<T>> state, F fn,
            std::source_location where)
      : select_case(where), state_(std::move(state)), fn_(std::move(fn)) {}

  spinlock *lock() noexcept override {
    return state_ ? &state_->lock() : nullptr;
  }
  unlocked_poll poll_unlocked() override {
    if (!state_)
      return unlocked_poll::not_ready;
    if (!state_->buffered())
      return unlocked_poll::needs_lock;
    // Closed and drained is ready too, with no value.
    return state_->recv_lock_free(value_) == ring_status::empty
               ? unlocked_poll::not_ready
               : unlocked_poll::taken;
  }
  bool poll(waiter_node *&woken) override {
    return state_ && state_->try_recv_locked(value_, woken);
  }
  bool enqueue(waiter_node &node) override {
    if (!state_)
      return true;
    node.slot = &value_;
    return state_->enqueue_recv_locked(node);
  }
  void dequeue(waiter_node &node) override {
    if (state_)
      state_->dequeue_recv_locked(node);
  }
  void finish() override { state_->on_received(); }
  void run() override {
    if constexpr (std::is_invocable_v<F &, std::optional<T> &&>) {
      std::invoke(fn_, std::move(value_));
    } else if constexpr (std::is_invocable_v<F &, T &&>) {
      // As Go's `case v := <-ch`: a closed channel yields the zero value.
      std::invoke(fn_, value_ ? std::move(*value_) : T{});
    } else {
      invoke_nullary(fn_);
    }
  }

private:
  std::shared_ptr<chan_state<T>> state_;
  F fn_;
  std::optional<T> value_;
};

template <class T, class F> class send_case final : public select_case {
public:
  send_case(std::shared_ptr<chan_state<T>> state, T value, F fn,
            std::source_location where)
      : select_case(where), state_(std::move(state)), value_(std::move(value)),
        fn_(std::move(fn)) {}

  spinlock *lock() noexcept override {
    return state_ ? &state_->lock() : nullptr;
  }
  unlocked_poll poll_unlocked() override {
    if (!state_)
      return unlocked_poll::not_ready;
    if (!state_->buffered())
      return unlocked_poll::needs_lock;
    switch (state_->send_lock_free(value_)) {
    case ring_status::ok:
      return unlocked_poll::taken;
    case ring_status::closed:
      throw closed_channel_error(); // as the locked poll
    default:
      return unlocked_poll::not_ready;
    }
  }
  bool poll(waiter_node *&woken) override {
    return state_ && state_->try_send_locked(value_, woken);
  }
  bool enqueue(waiter_node &node) override {
    if (!state_)
      return true;
    node.slot = &value_;
    return state_->enqueue_send_locked(node);
  }
  void dequeue(waiter_node &node) override {
    if (state_)
      state_->dequeue_send_locked(node);
  }
  void finish() override { state_->on_sent(); }
  void run() override { invoke_nullary(fn_); }

private:
  std::shared_ptr<chan_state<T>> state_;
  T value_;
  F fn_;
};

/// Wakes a parked select when a stop is requested.
struct stop_waker {
  waiter_node *node;
  void operator()() const noexcept {
    if (node->owner->try_claim(node->case_index))
      node->owner->unpark();
  }
};

template <class F> class stop_case final : public select_case {
public:
  stop_case(std::stop_token token, F fn, std::source_location where)
      : select_case(where), token_(std::move(token)), fn_(std::move(fn)) {}

  unlocked_poll poll_unlocked() override {
    waiter_node *none = nullptr;
    return poll(none) ? unlocked_poll::taken : unlocked_poll::not_ready;
  }
  bool poll(waiter_node *&) override {
    note_progress();
    return token_.stop_requested();
  }
  bool enqueue(waiter_node &node) override {
    callback_.emplace(token_, stop_waker{&node});
    return true;
  }
  void dequeue(waiter_node &) override { callback_.reset(); }
  void finish() override { callback_.reset(); }
  void run() override { invoke_nullary(fn_); }

private:
  std::stop_token token_;
  F fn_;
  std::optional<std::stop_callback<stop_waker>> callback_;
};

template <class F> class default_case final : public select_case {
public:
  default_case(F fn, std::source_location where)
      : select_case(where), fn_(std::move(fn)) {}

  bool is_default() const noexcept override { return true; }
  /// The default is taken only after every other case was polled.
  unlocked_poll poll_unlocked() override { return unlocked_poll::not_ready; }
  bool poll(waiter_node *&) override { return false; }
  bool enqueue(waiter_node &) override { return true; }
  void dequeue(waiter_node &) override {}
  void run() override { invoke_nullary(fn_); }

private:
  F fn_;
};

} // namespace tether::detail
