// The shared state behind a chan<T>: a buffer and the queues of blocked
// senders and receivers, under one spinlock. Every *_locked member requires
// the lock; waking parked parties happens after it is released.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
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

/// A fixed-capacity FIFO of T, allocated once (nothing for capacity 0).
template <class T> class ring_buffer {
public:
  explicit ring_buffer(std::size_t capacity)
      : slots_(capacity ? std::allocator<T>().allocate(capacity) : nullptr),
        capacity_(capacity) {}
  ring_buffer(const ring_buffer &) = delete;
  ring_buffer &operator=(const ring_buffer &) = delete;
  ~ring_buffer() {
    while (!empty())
      pop_front();
    if (slots_)
      std::allocator<T>().deallocate(slots_, capacity_);
  }

  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] T &front() noexcept { return slots_[head_]; }

  /// Requires size() < capacity.
  void push_back(T &&value) {
    std::size_t tail = head_ + size_;
    if (tail >= capacity_)
      tail -= capacity_;
    std::construct_at(slots_ + tail, std::move(value));
    ++size_;
  }
  void pop_front() noexcept {
    std::destroy_at(slots_ + head_);
    if (++head_ == capacity_)
      head_ = 0;
    --size_;
  }

private:
  T *slots_;
  std::size_t capacity_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

template <class T> class chan_state {
public:
  explicit chan_state(std::size_t capacity)
      : capacity_(capacity), buffer_(capacity) {}

  /// False only if a receive would find nothing: no value buffered, no
  /// sender waiting, not closed. Read without the lock (as Go's non-blocking
  /// receive does); it is kept up to date by every change under the lock.
  [[nodiscard]] bool may_recv() const noexcept {
    return recv_ready_.load(std::memory_order_acquire);
  }

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
      update_recv_ready_locked();
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
      update_recv_ready_locked();
      return true;
    }
    if (waiter_node *sender = sendq_.pop_claimed()) {
      out.emplace(std::move(*static_cast<T *>(sender->slot)));
      sender->completed = true;
      woken = sender;
      update_recv_ready_locked();
      return true;
    }
    update_recv_ready_locked(); // pop_claimed may have dropped stale nodes
    return closed_;
  }

  void enqueue_send_locked(waiter_node &node) noexcept {
    sendq_.push_back(node);
    update_recv_ready_locked();
  }
  void enqueue_recv_locked(waiter_node &node) noexcept {
    recvq_.push_back(node);
  }
  void dequeue_send_locked(waiter_node &node) noexcept {
    sendq_.remove(node);
    update_recv_ready_locked();
  }
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
    update_recv_ready_locked();
    return true;
  }

private:
  void update_recv_ready_locked() noexcept {
    recv_ready_.store(!buffer_.empty() || !sendq_.empty() || closed_,
                      std::memory_order_release);
  }

  spinlock lock_;
  const std::size_t capacity_;
  ring_buffer<T> buffer_;
  bool closed_ = false;
  std::atomic<bool> recv_ready_{false};
  waiter_queue sendq_;
  waiter_queue recvq_;
};

} // namespace tether::detail
