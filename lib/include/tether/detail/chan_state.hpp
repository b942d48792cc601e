// The shared state behind a chan<T>. An unbuffered channel is a queue of
// blocked senders and one of blocked receivers under a spinlock. A buffered
// channel adds a lock-free ring: a send or receive that need not wait goes
// through it without the lock, which is kept for parking and for waking a
// parked party. Every *_locked member requires the lock; waking parked parties
// happens after it is released.
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include <tether/detail/mpmc_ring.hpp>
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
  explicit chan_state(std::size_t capacity) : ring_(capacity) {}

  [[nodiscard]] bool buffered() const noexcept { return capacity() != 0; }
  [[nodiscard]] std::size_t capacity() const noexcept {
    return ring_.capacity();
  }
  /// The number of buffered values (racy, as Go's len).
  [[nodiscard]] std::size_t size() const noexcept { return ring_.size(); }

  /// False only if a receive would find nothing: no value buffered, no
  /// sender waiting, not closed. Read without the lock (as Go's non-blocking
  /// receive does).
  [[nodiscard]] bool may_recv() const noexcept {
    return buffered() ? ring_.pop_would_proceed()
                      : recv_ready_.load(std::memory_order_acquire);
  }

  spinlock &lock() noexcept { return lock_; }

  /// Unbuffered channels only: closed, so a receive gets nothing at once,
  /// without the lock (close woke every parked sender, and no send starts).
  [[nodiscard]] bool closed_unbuffered() const noexcept {
    return closed_.load(std::memory_order_acquire);
  }

  /// Buffered channels only: sends without the lock if the buffer has room
  /// (ok), else full or closed.
  [[nodiscard]] ring_status send_lock_free(T &value) {
    const ring_status status = ring_.push(value);
    if (status == ring_status::ok)
      on_sent();
    return status;
  }

  /// Buffered channels only: receives without the lock if a value is
  /// buffered (ok), else empty or closed.
  [[nodiscard]] ring_status recv_lock_free(std::optional<T> &out) {
    const ring_status status = ring_.pop(out);
    if (status == ring_status::ok)
      on_received();
    return status;
  }

  /// After a value entered the buffer without this party holding the lock
  /// (its own lock-free send, or a receiver moved its parked value in): hands
  /// the oldest value to a parked receiver, if one parked meanwhile.
  void on_sent() {
    // The send moved the ring's tail with a sequentially consistent
    // operation, and a parking receiver fences between counting itself and
    // reading the tail: either this sees the receiver queued, or the receiver
    // sees the value coming before it parks.
    wake_parked<&chan_state::hand_to_receiver_locked>(recvq_);
  }

  /// After a value left the buffer without this party holding the lock:
  /// moves a parked sender's value into the room it made.
  void on_received() {
    // As on_sent, through the ring's head.
    wake_parked<&chan_state::take_from_sender_locked>(sendq_);
  }

  /// Sends at once if a receiver waits or the buffer has room. Throws
  /// closed_channel_error on a closed channel.
  [[nodiscard]] bool try_send_locked(T &value, waiter_node *&woken) {
    if (buffered()) {
      switch (ring_.push(value)) {
      case ring_status::ok:
        woken = hand_to_receiver_locked();
        return true;
      case ring_status::closed:
        throw closed_channel_error();
      default:
        return false;
      }
    }
    if (closed_)
      throw closed_channel_error();
    if (waiter_node *receiver = recvq_.pop_claimed()) {
      *static_cast<std::optional<T> *>(receiver->slot) = std::move(value);
      woken = receiver;
      return true;
    }
    return false;
  }

  /// Receives at once if a value is buffered, a sender waits, or the channel
  /// is closed (then `out` stays empty).
  [[nodiscard]] bool try_recv_locked(std::optional<T> &out,
                                     waiter_node *&woken) {
    if (buffered()) {
      switch (ring_.pop(out)) {
      case ring_status::ok:
        woken = take_from_sender_locked();
        return true;
      case ring_status::closed:
        return true;
      default:
        return false;
      }
    }
    if (waiter_node *sender = sendq_.pop_claimed()) {
      out.emplace(std::move(*static_cast<T *>(sender->slot)));
      woken = sender;
      update_recv_ready_locked();
      return true;
    }
    update_recv_ready_locked(); // pop_claimed may have dropped stale nodes
    return closed_;
  }

  /// Queues `node` to be completed by a sender. False, with nothing queued,
  /// if a lock-free send made the receive possible meanwhile: try it again.
  [[nodiscard]] bool enqueue_recv_locked(waiter_node &node) noexcept {
    recvq_.push_back(node);
    if (!buffered())
      return true;
    std::atomic_thread_fence(std::memory_order_seq_cst); // see on_sent
    if (!ring_.pop_would_proceed())
      return true;
    recvq_.remove(node);
    return false;
  }

  /// Queues `node` to be completed by a receiver. False, with nothing queued,
  /// if a lock-free receive made room meanwhile: try it again.
  [[nodiscard]] bool enqueue_send_locked(waiter_node &node) noexcept {
    sendq_.push_back(node);
    if (!buffered()) {
      update_recv_ready_locked();
      return true;
    }
    std::atomic_thread_fence(std::memory_order_seq_cst); // see on_sent
    if (!ring_.push_would_proceed())
      return true;
    sendq_.remove(node);
    return false;
  }

  void dequeue_send_locked(waiter_node &node) noexcept {
    sendq_.remove(node);
    update_recv_ready_locked();
  }
  void dequeue_recv_locked(waiter_node &node) noexcept { recvq_.remove(node); }

  /// Closes the channel; every blocked party is woken to try again, and finds
  /// it closed. Returns false if it was already closed.
  [[nodiscard]] bool close_locked(wake_list &woken) {
    if (closed_)
      return false;
    closed_.store(true, std::memory_order_release);
    ring_.close();
    for (waiter_queue *queue : {&recvq_, &sendq_})
      while (waiter_node *node = queue->pop_claimed()) {
        node->retry = true;
        woken.add(node);
      }
    update_recv_ready_locked();
    return true;
  }

private:
  /// Completes (or wakes to retry) one party parked in `queue`, if any.
  template <waiter_node *(chan_state::*complete_locked)()>
  void wake_parked(const waiter_queue &queue) {
    if (!buffered() || queue.size_hint() == 0)
      return;
    waiter_node *woken = nullptr;
    {
      std::lock_guard lock(lock_);
      woken = (this->*complete_locked)();
    }
    if (woken)
      woken->owner->unpark();
  }

  /// A buffered value for the longest-parked receiver; the value, not the
  /// one just sent, keeps the order of sends. The receiver is claimed first,
  /// so if lock-free receives emptied the buffer it is woken to try again.
  waiter_node *hand_to_receiver_locked() {
    waiter_node *receiver = recvq_.pop_claimed();
    if (receiver)
      receiver->retry =
          ring_.pop(*static_cast<std::optional<T> *>(receiver->slot)) !=
          ring_status::ok;
    return receiver;
  }

  /// The longest-parked sender's value into the buffer's free room; if
  /// lock-free sends filled it first, the sender is woken to try again.
  waiter_node *take_from_sender_locked() {
    waiter_node *sender = sendq_.pop_claimed();
    if (sender)
      sender->retry =
          ring_.push(*static_cast<T *>(sender->slot)) != ring_status::ok;
    return sender;
  }

  void update_recv_ready_locked() noexcept {
    recv_ready_.store(!sendq_.empty() || closed_, std::memory_order_release);
  }

  spinlock lock_;
  mpmc_ring<T> ring_;
  std::atomic<bool> closed_{false}; // written under the lock
  /// Unbuffered channels: may_recv() without the lock.
  std::atomic<bool> recv_ready_{false};
  waiter_queue sendq_;
  waiter_queue recvq_;
};

} // namespace tether::detail
