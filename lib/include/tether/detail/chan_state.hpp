// The shared state behind a chan<T>: a buffer and the queues of blocked
// senders and receivers, under one spinlock. Every *_locked member requires
// the lock; waking parked parties happens after it is released.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include <tether/detail/parker.hpp>
#include <tether/errors.hpp>

namespace tether::detail {

/// Parties to wake once the channel lock is released.
class wake_list {
public:
  void add(waiter_node *node) {
    if (node)
      nodes_.push_back(node->owner);
  }
  void wake_all() noexcept {
    for (parker *p : nodes_)
      p->unpark();
  }

private:
  std::vector<parker *> nodes_;
};

template <class T> class chan_state {
public:
  explicit chan_state(std::size_t capacity) : capacity_(capacity) {}

  spinlock &lock() noexcept { return lock_; }

  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] std::size_t size_locked() const noexcept {
    return buffer_.size();
  }
  [[nodiscard]] bool closed_locked() const noexcept { return closed_; }

  /// Sends at once if a receiver waits or the buffer has room. Throws
  /// closed_channel_error on a closed channel.
  [[nodiscard]] bool try_send_locked(T &value, waiter_node *&woken) {
    if (closed_)
      throw closed_channel_error();
    if (waiter_node *receiver = recvq_.pop_claimed()) {
      *static_cast<std::optional<T> *>(receiver->slot) = std::move(value);
      receiver->completed = true;
      woken = receiver;
      return true;
    }
    if (buffer_.size() < capacity_) {
      buffer_.push_back(std::move(value));
      return true;
    }
    return false;
  }

  /// Receives at once if a value is buffered, a sender waits, or the channel
  /// is closed (then `out` stays empty).
  [[nodiscard]] bool try_recv_locked(std::optional<T> &out,
                                     waiter_node *&woken) {
    if (!buffer_.empty()) {
      out.emplace(std::move(buffer_.front()));
      buffer_.pop_front();
      // A sender blocked on a full buffer moves its value in behind ours.
      if (waiter_node *sender = sendq_.pop_claimed()) {
        buffer_.push_back(std::move(*static_cast<T *>(sender->slot)));
        sender->completed = true;
        woken = sender;
      }
      return true;
    }
    if (waiter_node *sender = sendq_.pop_claimed()) {
      out.emplace(std::move(*static_cast<T *>(sender->slot)));
      sender->completed = true;
      woken = sender;
      return true;
    }
    return closed_;
  }

  void enqueue_send_locked(waiter_node &node) noexcept {
    sendq_.push_back(node);
  }
  void enqueue_recv_locked(waiter_node &node) noexcept {
    recvq_.push_back(node);
  }
  void dequeue_send_locked(waiter_node &node) noexcept { sendq_.remove(node); }
  void dequeue_recv_locked(waiter_node &node) noexcept { recvq_.remove(node); }

  /// Closes the channel; every blocked party is woken with completed = false.
  /// Returns false if it was already closed.
  [[nodiscard]] bool close_locked(wake_list &woken) {
    if (closed_)
      return false;
    closed_ = true;
    while (waiter_node *receiver = recvq_.pop_claimed())
      woken.add(receiver);
    while (waiter_node *sender = sendq_.pop_claimed())
      woken.add(sender);
    return true;
  }

private:
  spinlock lock_;
  const std::size_t capacity_;
  std::deque<T> buffer_;
  bool closed_ = false;
  waiter_queue sendq_;
  waiter_queue recvq_;
};

} // namespace tether::detail
