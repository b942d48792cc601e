// select: Go's select statement. Cases are on_recv, on_send, on_done,
// on_stop and on_default; a ready case is chosen uniformly at random, a case
// that loses consumes nothing, and nil-channel cases are never ready.
#pragma once

#include <concepts>
#include <cstddef>
#include <functional>
#include <optional>
#include <source_location>
#include <stop_token>
#include <type_traits>
#include <utility>

#include <tether/chan.hpp>
#include <tether/config.hpp>
#include <tether/context.hpp>
#include <tether/detail/task_record.hpp>

namespace tether {
namespace detail {

/// One case of a select; the select holds the channel locks around poll,
/// enqueue and dequeue.
class select_case {
public:
  /// The channel lock this case needs, or nullptr (nil channel, default, stop).
  [[nodiscard]] virtual spinlock *lock() noexcept { return nullptr; }
  [[nodiscard]] virtual bool is_default() const noexcept { return false; }
  /// Completes the operation now if it can; `woken` is a party to unpark.
  [[nodiscard]] virtual bool poll(waiter_node *&woken) = 0;
  /// Queues `node` to be completed by another party.
  virtual void enqueue(waiter_node &node) = 0;
  /// Takes `node` back out of the queue if it is still there.
  virtual void dequeue(waiter_node &node) = 0;
  /// Called on the winning case after the select was woken.
  virtual void finish(const waiter_node &) {}
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
  const void *object = nullptr;
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
  bool poll(waiter_node *&woken) override {
    return state_ && state_->try_recv_locked(value_, woken);
  }
  void enqueue(waiter_node &node) override {
    if (!state_)
      return;
    node.slot = &value_;
    state_->enqueue_recv_locked(node);
  }
  void dequeue(waiter_node &node) override {
    if (state_)
      state_->dequeue_recv_locked(node);
  }
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
  bool poll(waiter_node *&woken) override {
    return state_ && state_->try_send_locked(value_, woken);
  }
  void enqueue(waiter_node &node) override {
    if (!state_)
      return;
    node.slot = &value_;
    state_->enqueue_send_locked(node);
  }
  void dequeue(waiter_node &node) override {
    if (state_)
      state_->dequeue_send_locked(node);
  }
  void finish(const waiter_node &node) override {
    if (!node.completed)
      throw closed_channel_error();
  }
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

  bool poll(waiter_node *&) override {
    note_progress();
    return token_.stop_requested();
  }
  void enqueue(waiter_node &node) override {
    callback_.emplace(token_, stop_waker{&node});
  }
  void dequeue(waiter_node &) override { callback_.reset(); }
  void finish(const waiter_node &) override { callback_.reset(); }
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
  bool poll(waiter_node *&) override { return false; }
  void enqueue(waiter_node &) override {}
  void dequeue(waiter_node &) override {}
  void run() override { invoke_nullary(fn_); }

private:
  F fn_;
};

} // namespace detail

/// A receive case; `fn` takes std::optional<T> (empty once closed), T (the
/// zero value once closed, as in Go), or nothing.
template <class T, class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_recv_case") auto on_recv(
    const recv_chan<T> &ch, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::recv_case<T, F>(ch.state(), std::move(fn), site);
}

/// A send case; `fn` runs after the value was sent.
template <class T, class U, class F = std::nullptr_t>
  requires std::convertible_to<U, T>
[[nodiscard]] TETHER_ANNOTATE("tether::select_send_case") auto on_send(
    const chan<T> &ch, U &&value, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::send_case<T, F>(ch.state(), T(std::forward<U>(value)),
                                 std::move(fn), site);
}

/// A case taken once `ctx` is cancelled (Go's `case <-ctx.Done()`).
template <class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_done_case") auto on_done(
    const context &ctx, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  detail::note_progress();
  auto run = [fn = std::move(fn)](std::optional<std::monostate>) mutable {
    detail::invoke_nullary(fn);
  };
  return detail::recv_case<std::monostate, decltype(run)>(ctx.done().state(),
                                                          std::move(run), site);
}

/// A case taken once a stop is requested on `token`.
template <class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_done_case") auto on_stop(
    std::stop_token token, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::stop_case<F>(std::move(token), std::move(fn), site);
}

/// The case taken when no other case is ready: the select does not block.
template <class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_default_case") auto on_default(
    F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::default_case<F>(std::move(fn), site);
}

/// Waits until one case can proceed, performs it, runs its handler and
/// returns its index. With no case, blocks forever as Go's `select {}`.
template <class... Cases>
  requires(std::derived_from<std::remove_cvref_t<Cases>, detail::select_case> &&
           ...)
TETHER_ANNOTATE("tether::select")
int select(Cases &&...cases) {
  if constexpr (sizeof...(Cases) == 0) {
    detail::block_forever(detail::block_kind::select,
                          std::source_location::current(), nullptr);
  } else {
    detail::select_case *all[] = {&cases...};
    return detail::run_select(all, sizeof...(Cases),
                              {detail::block_kind::select, all[0]->site});
  }
}

// The cancellable channel operations are two-case selects: the operation,
// and the case that gives up (a context's done channel or a stop token).

namespace detail {

template <class T>
recv_result<T> recv_unless(const std::shared_ptr<chan_state<T>> &state,
                           select_case &&give_up, std::source_location site) {
  recv_result<T> result;
  auto take = [&](std::optional<T> v) { result.value = std::move(v); };
  recv_case<T, decltype(take)> value_case(state, take, site);
  select_case *cases[] = {&value_case, &give_up};
  const int taken = run_select(
      cases, 2,
      {block_kind::chan_recv, site, chan_type_name<T>(), state.get()});
  result.status = taken == 1     ? chan_status::cancelled
                  : result.value ? chan_status::ok
                                 : chan_status::closed;
  return result;
}

template <class T>
chan_status send_unless(const std::shared_ptr<chan_state<T>> &state, T value,
                        select_case &&give_up, std::source_location site) {
  send_case<T, std::nullptr_t> value_case(state, std::move(value), nullptr,
                                          site);
  select_case *cases[] = {&value_case, &give_up};
  const int taken = run_select(
      cases, 2,
      {block_kind::chan_send, site, chan_type_name<T>(), state.get()});
  return taken == 0 ? chan_status::ok : chan_status::cancelled;
}

} // namespace detail

template <class T>
recv_result<T> recv_chan<T>::recv(const context &ctx,
                                  std::source_location site) const {
  return detail::recv_unless(state_, on_done(ctx, nullptr, site), site);
}

template <class T>
recv_result<T> recv_chan<T>::recv(std::stop_token token,
                                  std::source_location site) const {
  return detail::recv_unless(state_, on_stop(std::move(token), nullptr, site),
                             site);
}

template <class T>
chan_status chan<T>::send(const context &ctx, T value,
                          std::source_location site) const {
  return detail::send_unless(state_, std::move(value),
                             on_done(ctx, nullptr, site), site);
}

template <class T>
chan_status chan<T>::send(std::stop_token token, T value,
                          std::source_location site) const {
  return detail::send_unless(state_, std::move(value),
                             on_stop(std::move(token), nullptr, site), site);
}

} // namespace tether
