// The bodies of make_chan and of the plain (not cancellable) operations of
// recv_chan<T> and chan<T>. Included at the end of <tether/chan.hpp>, which
// declares them; not to be included on its own.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <source_location>
#include <utility>

#include <tether/detail/chan_state.hpp>
#include <tether/detail/parker.hpp>
#include <tether/detail/task_record.hpp>
#include <tether/detail/type_name.hpp>
#include <tether/errors.hpp>

namespace tether {

namespace detail {
/// Blocks the caller for good: an operation on the nil channel.
[[noreturn]] void block_forever(block_kind kind, std::source_location site,
                                const char *type);

/// The part of a plain send or receive that may block: completes it under
/// the lock if it can, else parks until another party completes it, and
/// tries again when woken to retry. `slot` is what the node carries (the
/// value to send, or the optional to receive into); `on_completed` runs when
/// another party completed it. It is every blocking send's and receive's
/// path, so it is inlined and takes the members as template arguments: out
/// of line, with member pointers as arguments, it made PingPong and
/// SPSCUnbuffered 10-20% slower (docs/benchmarks.md).
template <auto try_locked, auto enqueue_locked, auto on_completed, class T,
          class Slot>
[[gnu::always_inline]] inline void
park_until_done(const std::shared_ptr<chan_state<T>> &state, block_kind kind,
                std::source_location site, Slot &slot) {
  for (;;) {
    waiter_node *woken = nullptr;
    std::unique_lock lock(state->lock());
    if (((*state).*try_locked)(slot, woken)) {
      lock.unlock();
      if (woken)
        woken->owner->unpark();
      return;
    }
    parker parker;
    waiter_node node{&parker, 0, &slot};
    if (!((*state).*enqueue_locked)(node))
      continue;
    lock.unlock();
    {
      blocked_scope blocked(kind, site, chan_type_name<T>(), state, parker);
      parker.park();
    }
    if (!node.retry) {
      ((*state).*on_completed)();
      return;
    }
  }
}

} // namespace detail

template <class T> chan<T> make_chan(std::size_t capacity) {
  return chan<T>(std::make_shared<detail::chan_state<T>>(capacity));
}

template <class T>
std::optional<T> recv_chan<T>::recv(std::source_location site) const {
  if (!state_)
    detail::block_forever(detail::block_kind::chan_recv, site,
                          detail::chan_type_name<T>());
  std::optional<T> out;
  if (state_->buffered()
          ? state_->recv_lock_free(out) != detail::ring_status::empty
          : state_->closed_unbuffered())
    return out;
  using state = detail::chan_state<T>;
  detail::park_until_done<&state::try_recv_locked, &state::enqueue_recv_locked,
                          &state::on_received>(
      state_, detail::block_kind::chan_recv, site, out);
  return out;
}

template <class T> recv_result<T> recv_chan<T>::try_recv() const {
  if (!state_ || !state_->may_recv()) // empty and open: skip the lock
    return {chan_status::would_block, std::nullopt};
  recv_result<T> result;
  if (state_->buffered()) {
    switch (state_->recv_lock_free(result.value)) {
    case detail::ring_status::empty:
      result.status = chan_status::would_block;
      break;
    case detail::ring_status::closed:
      result.status = chan_status::closed;
      break;
    default:
      break;
    }
    return result;
  }
  detail::waiter_node *woken = nullptr;
  std::unique_lock lock(state_->lock());
  if (!state_->try_recv_locked(result.value, woken)) {
    result.status = chan_status::would_block;
    return result;
  }
  lock.unlock();
  if (woken)
    woken->owner->unpark();
  if (!result.value)
    result.status = chan_status::closed;
  return result;
}

template <class T> std::size_t recv_chan<T>::size() const {
  return state_ ? state_->size() : 0;
}

template <class T>
void chan<T>::send(T value, std::source_location site) const {
  if (!state_)
    detail::block_forever(detail::block_kind::chan_send, site,
                          detail::chan_type_name<T>());
  if (state_->buffered()) {
    switch (state_->send_lock_free(value)) {
    case detail::ring_status::ok:
      return;
    case detail::ring_status::closed:
      throw closed_channel_error();
    default:
      break;
    }
  }
  using state = detail::chan_state<T>;
  detail::park_until_done<&state::try_send_locked, &state::enqueue_send_locked,
                          &state::on_sent>(
      state_, detail::block_kind::chan_send, site, value);
}

template <class T> bool chan<T>::try_send(T value) const {
  if (!state_)
    return false;
  if (state_->buffered()) {
    switch (state_->send_lock_free(value)) {
    case detail::ring_status::ok:
      return true;
    case detail::ring_status::closed:
      throw closed_channel_error();
    default:
      return false;
    }
  }
  detail::waiter_node *woken = nullptr;
  std::unique_lock lock(state_->lock());
  if (!state_->try_send_locked(value, woken))
    return false;
  lock.unlock();
  if (woken)
    woken->owner->unpark();
  return true;
}

template <class T> void chan<T>::close() const {
  if (!state_)
    throw close_error("close of nil channel");
  detail::wake_list woken;
  {
    std::lock_guard lock(state_->lock());
    if (!state_->close_locked(woken))
      throw close_error("close of closed channel");
  }
  woken.wake_all();
}

} // namespace tether
