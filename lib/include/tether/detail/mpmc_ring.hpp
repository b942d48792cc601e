// mpmc_ring: the buffer of a buffered channel, a bounded multi-producer
// multi-consumer queue that needs no lock (Vyukov's: one sequence number per
// slot says whether it is free for the lap's sender or full for its
// receiver; twice the position for free and one more for full, so that a
// capacity of one works too). Closing is a bit in the send position, so a send
// either takes its slot before the close or fails: nothing sent after close is
// lost or kept.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <thread>
#include <utility>

namespace tether::detail {

enum class ring_status { ok, empty, full, closed };

template <class T> class mpmc_ring {
public:
  explicit mpmc_ring(std::size_t capacity)
      : slots_(std::allocator<slot>().allocate(capacity)), capacity_(capacity) {
    for (std::size_t i = 0; i < capacity_; ++i)
      std::construct_at(&slots_[i].seq, free_for(i));
  }
  mpmc_ring(const mpmc_ring &) = delete;
  mpmc_ring &operator=(const mpmc_ring &) = delete;
  ~mpmc_ring() {
    const std::size_t tail = position(tail_.load(std::memory_order_relaxed));
    for (std::size_t pos = head_.load(std::memory_order_relaxed); pos != tail;
         ++pos)
      std::destroy_at(slot_at(pos).value());
    std::allocator<slot>().deallocate(slots_, capacity_);
  }

  /// Moves `value` in: ok, full, or closed (`value` is then untouched).
  [[nodiscard]] ring_status push(T &value) {
    std::size_t tail = tail_.load(std::memory_order_relaxed);
    for (;;) {
      if (tail & closed_bit)
        return ring_status::closed;
      const std::size_t pos = position(tail);
      slot &s = slot_at(pos);
      const auto lap = static_cast<std::ptrdiff_t>(
          s.seq.load(std::memory_order_acquire) - free_for(pos));
      if (lap == 0) {
        // Sequentially consistent: the channel's parked-party handshake
        // (chan_state::on_sent) relies on this move of the tail.
        if (tail_.compare_exchange_weak(tail, tail + position_step,
                                        std::memory_order_seq_cst,
                                        std::memory_order_relaxed)) {
          std::construct_at(s.value(), std::move(value));
          s.seq.store(full_for(pos), std::memory_order_release);
          return ring_status::ok;
        }
      } else if (lap < 0) {
        return ring_status::full; // the slot still holds last lap's value
      } else {
        tail = tail_.load(std::memory_order_relaxed);
      }
    }
  }

  /// Moves the oldest value into `out`: ok, empty, or closed (closed only
  /// once every value sent before the close has been taken).
  [[nodiscard]] ring_status pop(std::optional<T> &out) {
    std::size_t head = head_.load(std::memory_order_relaxed);
    for (;;) {
      slot &s = slot_at(head);
      const auto lap = static_cast<std::ptrdiff_t>(
          s.seq.load(std::memory_order_acquire) - full_for(head));
      if (lap == 0) {
        if (head_.compare_exchange_weak(head, head + 1,
                                        std::memory_order_seq_cst,
                                        std::memory_order_relaxed)) {
          out.emplace(std::move(*s.value()));
          std::destroy_at(s.value());
          s.seq.store(free_for(head + capacity_), std::memory_order_release);
          return ring_status::ok;
        }
      } else if (lap < 0) {
        const std::size_t tail = tail_.load(std::memory_order_acquire);
        if (position(tail) == head)
          return (tail & closed_bit) ? ring_status::closed : ring_status::empty;
        // A send took this slot and has not filled it yet. Until it does the
        // send has not happened, unless the channel is closed: then its value
        // is the last one and must still be received.
        if (!(tail & closed_bit))
          return ring_status::empty;
        std::this_thread::yield();
        head = head_.load(std::memory_order_relaxed);
      } else {
        head = head_.load(std::memory_order_relaxed);
      }
    }
  }

  // The two checks below judge by the positions, which every push and pop
  // moves with a sequentially consistent operation, not by one slot's
  // sequence number: a parking party reads them after a fence, so it sees
  // every move that the handshake with the mover requires (a slot read at a
  // stale position could look empty while the next one is full). A send or
  // receive still in flight reads as "would proceed": the caller tries again
  // until it lands.

  /// Whether a pop would not find the ring empty: a value is at or coming to
  /// the head, or the ring is closed.
  [[nodiscard]] bool pop_would_proceed() const noexcept {
    const std::size_t head = head_.load(std::memory_order_acquire);
    const std::size_t tail = tail_.load(std::memory_order_acquire);
    return position(tail) != head || (tail & closed_bit);
  }

  /// Whether a push would not find the ring full: there is room at the tail,
  /// or the ring is closed.
  [[nodiscard]] bool push_would_proceed() const noexcept {
    const std::size_t tail = tail_.load(std::memory_order_acquire);
    const std::size_t head = head_.load(std::memory_order_acquire);
    return (tail & closed_bit) ||
           static_cast<std::ptrdiff_t>(position(tail) - head) <
               static_cast<std::ptrdiff_t>(capacity_);
  }

  /// Makes every later push fail; returns false if it was already closed.
  bool close() noexcept {
    return !(tail_.fetch_or(closed_bit, std::memory_order_acq_rel) &
             closed_bit);
  }

  /// How many pushes and pops have taken a slot so far: counts that only
  /// grow, so a reader can tell whether what was queued earlier is gone.
  [[nodiscard]] std::size_t pushed() const noexcept {
    return position(tail_.load(std::memory_order_acquire));
  }
  [[nodiscard]] std::size_t popped() const noexcept {
    return head_.load(std::memory_order_acquire);
  }

  /// The number of values sent and not yet taken (racy, as Go's len).
  [[nodiscard]] std::size_t size() const noexcept {
    const std::size_t head = popped();
    const std::size_t tail = pushed();
    return tail > head ? tail - head : 0;
  }

  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }

private:
  struct slot {
    std::atomic<std::size_t> seq;
    alignas(T) unsigned char storage[sizeof(T)];
    T *value() noexcept { return std::launder(reinterpret_cast<T *>(storage)); }
  };

  // The send position is kept shifted left by one, its low bit the closed
  // flag, so that one compare-and-swap both reserves a slot and sees close.
  static constexpr std::size_t closed_bit = 1;
  static constexpr std::size_t position_step = 2;
  static constexpr std::size_t position(std::size_t tail) noexcept {
    return tail >> 1;
  }

  // A slot's sequence number: free for the send at `pos`, or full with the
  // value the receive at `pos` takes.
  static constexpr std::size_t free_for(std::size_t pos) noexcept {
    return pos * 2;
  }
  static constexpr std::size_t full_for(std::size_t pos) noexcept {
    return pos * 2 + 1;
  }

  slot &slot_at(std::size_t pos) const noexcept {
    return slots_[pos % capacity_];
  }

  // Senders and receivers each own one cache line (64 bytes on the targets
  // built here), so they do not share its traffic.
  static constexpr std::size_t cache_line = 64;

  slot *slots_;
  const std::size_t capacity_;
  alignas(cache_line) std::atomic<std::size_t> tail_{0};
  alignas(cache_line) std::atomic<std::size_t> head_{0};
};

} // namespace tether::detail
