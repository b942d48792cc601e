// chan<T>: Go's channels. Unbuffered channels are rendezvous points, buffered
// ones queue up to their capacity; a default-constructed chan is the nil
// channel, which blocks forever and is never ready in a select.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <source_location>
#include <stop_token>
#include <utility>

#include <tether/config.hpp>
#include <tether/detail/chan_state.hpp>
#include <tether/errors.hpp>

namespace tether {

class context;
template <class T> class chan;

/// Makes a channel with room for `capacity` values (0: unbuffered).
template <class T>
[[nodiscard]] TETHER_ANNOTATE("tether::make_channel") chan<T> make_chan(
    std::size_t capacity = 0);

/// How a channel operation that can give up ended.
enum class chan_status {
  ok,          ///< the value was sent or received
  closed,      ///< receive only: the channel is closed and drained
  cancelled,   ///< the context or stop token was cancelled first
  would_block, ///< try_recv only: nothing to receive right now
};

/// The outcome of a receive that can give up: a value, or why there is none.
template <class T> struct [[nodiscard]] recv_result {
  chan_status status = chan_status::ok;
  std::optional<T> value;

  explicit operator bool() const noexcept { return status == chan_status::ok; }
  T &operator*() & { return *value; }
  T &&operator*() && { return std::move(*value); }
  T *operator->() { return &*value; }
};

/// The receiving half of a channel. Every chan<T> is one; context::done()
/// and the time functions hand out only this half.
template <class T> class TETHER_ANNOTATE("tether::channel") recv_chan {
public:
  using value_type = T;

  /// The nil channel.
  recv_chan() = default;

  /// Waits for a value; empty once the channel is closed and drained.
  [[nodiscard]] TETHER_ANNOTATE("tether::blocking_recv") std::optional<T> recv(
      std::source_location site = std::source_location::current()) const;

  /// Waits for a value or for `ctx` to be cancelled.
  TETHER_ANNOTATE("tether::cancellable")
  recv_result<T>
  recv(const context &ctx,
       std::source_location site = std::source_location::current()) const;

  /// Waits for a value or for a stop request on `token`.
  TETHER_ANNOTATE("tether::cancellable")
  recv_result<T>
  recv(std::stop_token token,
       std::source_location site = std::source_location::current()) const;

  /// Receives without blocking: ok, closed, or would_block.
  TETHER_ANNOTATE("tether::try_recv") recv_result<T> try_recv() const;

  /// The number of buffered values (Go's len).
  [[nodiscard]] std::size_t size() const;

  /// The buffer capacity (Go's cap); 0 for unbuffered and nil channels.
  [[nodiscard]] std::size_t capacity() const noexcept {
    return state_ ? state_->capacity() : 0;
  }

  /// True unless this is the nil channel.
  explicit operator bool() const noexcept { return state_ != nullptr; }

  friend bool operator==(const recv_chan &a, const recv_chan &b) noexcept {
    return a.state_ == b.state_;
  }

  /// Range-for over a channel receives until it is closed and drained.
  class iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;

    iterator() = default;
    explicit iterator(const recv_chan *source, std::source_location site)
        : source_(source), site_(site) {
      ++*this;
    }
    T &operator*() { return *current_; }
    iterator &operator++() {
      current_ = source_->recv(site_);
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator &it, std::default_sentinel_t) {
      return !it.current_;
    }

  private:
    const recv_chan *source_ = nullptr;
    std::source_location site_;
    std::optional<T> current_;
  };

  iterator
  begin(std::source_location site = std::source_location::current()) const {
    return iterator(this, site);
  }
  std::default_sentinel_t end() const noexcept { return {}; }

  /// The shared state, for select cases and the leak detector.
  [[nodiscard]] const std::shared_ptr<detail::chan_state<T>> &
  state() const noexcept {
    return state_;
  }

protected:
  explicit recv_chan(std::shared_ptr<detail::chan_state<T>> state)
      : state_(std::move(state)) {}

  std::shared_ptr<detail::chan_state<T>> state_;
};

/// A channel handle: copies share one channel, as in Go.
template <class T>
class TETHER_ANNOTATE("tether::channel") chan : public recv_chan<T> {
  using recv_chan<T>::state_;

public:
  /// The nil channel.
  chan() = default;

  /// Sends `value`, waiting for a receiver or buffer room. Throws
  /// closed_channel_error if the channel is or becomes closed.
  TETHER_ANNOTATE("tether::blocking_send")
  void send(T value,
            std::source_location site = std::source_location::current()) const;

  /// Sends `value` unless `ctx` is cancelled first: ok or cancelled.
  [[nodiscard]] TETHER_ANNOTATE("tether::cancellable") chan_status
      send(const context &ctx, T value,
           std::source_location site = std::source_location::current()) const;

  /// Sends `value` unless a stop is requested on `token` first.
  [[nodiscard]] TETHER_ANNOTATE("tether::cancellable") chan_status
      send(std::stop_token token, T value,
           std::source_location site = std::source_location::current()) const;

  /// Sends only if a receiver waits or the buffer has room. Throws on a
  /// closed channel; returns false (and keeps nothing) on the nil channel.
  [[nodiscard]] TETHER_ANNOTATE("tether::try_send") bool try_send(
      T value) const;

  /// Closes the channel: receivers drain the buffer, then get nothing;
  /// blocked senders throw. Throws close_error on a closed or nil channel.
  TETHER_ANNOTATE("tether::close") void close() const;

  /// The receive-only view of this channel.
  [[nodiscard]] recv_chan<T> recv_only() const noexcept { return *this; }

  friend chan make_chan<T>(std::size_t capacity);

private:
  explicit chan(std::shared_ptr<detail::chan_state<T>> state)
      : recv_chan<T>(std::move(state)) {}
};

} // namespace tether

// The bodies of the operations above.
#include <tether/detail/chan_ops.hpp>

// The context and stop-token overloads are selects, defined in
// detail/cancellable_ops.hpp: select.hpp includes it, and context.hpp
// includes select.hpp once the classes above are complete.
#include <tether/context.hpp>
