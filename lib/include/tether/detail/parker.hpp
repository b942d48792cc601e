// parker: suspends one fiber (or plain thread) until another party wakes it.
// A select parks once for all its cases; the first party to claim the parker
// decides which case won, as Go's sudog and selectDone.
#pragma once

#include <atomic>
#include <cstddef>

#include <boost/fiber/context.hpp>
#include <boost/fiber/detail/spinlock.hpp>
#include <boost/intrusive/list.hpp>

namespace tether::detail {

using spinlock = boost::fibers::detail::spinlock;

class parker {
public:
  /// Claims the wait for case `index`; false if another case already won.
  [[nodiscard]] bool try_claim(int index) noexcept {
    int expected = -1;
    return winner_.compare_exchange_strong(expected, index,
                                           std::memory_order_acq_rel);
  }

  [[nodiscard]] int winner() const noexcept {
    return winner_.load(std::memory_order_acquire);
  }

  /// Suspends the caller until unpark(); returns at once if already unparked.
  void park() noexcept;

  /// Wakes the parked party. The parker may be destroyed as soon as this
  /// returns, or even before it returns to its caller.
  void unpark() noexcept;

  /// For the scheduler: the parking task `self` is off its stack and
  /// detached from its worker; publishes it to unpark and releases the lock
  /// park() took.
  void park_detached(boost::fibers::context *self) noexcept;

private:
  std::atomic<int> winner_{-1};
  // The lock orders park against unpark; the flags are atomics as well
  // because the lock is released inside Boost.Fiber's (uninstrumented)
  // context switch, where ThreadSanitizer cannot see it.
  spinlock lock_;
  std::atomic<bool> woken_{false};
  std::atomic<boost::fibers::context *> waiting_{nullptr};
};

/// One case of one blocked operation, queued on a channel.
struct waiter_node {
  waiter_node() = default;
  waiter_node(parker *who, int index, void *value = nullptr) noexcept
      : owner(who), case_index(index), slot(value) {}

  parker *owner = nullptr;
  int case_index = 0;
  /// For a send: the T to move from. For a receive: the std::optional<T> to
  /// fill.
  void *slot = nullptr;
  /// Set by the waker when the operation did not complete: the channel was
  /// closed, or a lock-free operation took the value or the room meant for
  /// this party. The woken party tries again.
  bool retry = false;
  boost::intrusive::list_member_hook<
      boost::intrusive::link_mode<boost::intrusive::safe_link>>
      hook;
};

class waiter_queue {
public:
  void push_back(waiter_node &node) noexcept {
    list_.push_back(node);
    resize(+1);
  }

  void remove(waiter_node &node) noexcept {
    if (node.hook.is_linked()) {
      list_.erase(list_.iterator_to(node));
      resize(-1);
    }
  }

  /// Removes waiters until one can be claimed for its case; nullptr if none.
  [[nodiscard]] waiter_node *pop_claimed() noexcept {
    while (!list_.empty()) {
      waiter_node &node = list_.front();
      list_.pop_front();
      resize(-1);
      if (node.owner->try_claim(node.case_index))
        return &node;
    }
    return nullptr;
  }

  [[nodiscard]] bool empty() const noexcept { return list_.empty(); }

  /// Moves every waiter of `other` to the back of this queue.
  void take_all(waiter_queue &other) noexcept {
    list_.splice(list_.end(), other.list_);
    const auto moved = static_cast<std::ptrdiff_t>(
        other.size_.load(std::memory_order_relaxed));
    resize(moved);
    other.resize(-moved);
  }

  /// The number of queued waiters, readable without the lock that guards the
  /// queue: lock-free channel operations read it to learn whether a party is
  /// parked (sequentially consistent: see chan_state::on_sent).
  [[nodiscard]] std::size_t size_hint() const noexcept {
    return size_.load(std::memory_order_seq_cst);
  }

private:
  boost::intrusive::list<
      waiter_node,
      boost::intrusive::member_hook<
          waiter_node,
          boost::intrusive::list_member_hook<
              boost::intrusive::link_mode<boost::intrusive::safe_link>>,
          &waiter_node::hook>,
      boost::intrusive::constant_time_size<false>>
      list_;
  std::atomic<std::size_t> size_{0};

  // Written only under the queue's lock, so a load and a store suffice.
  void resize(std::ptrdiff_t delta) noexcept {
    size_.store(size_.load(std::memory_order_relaxed) + delta,
                std::memory_order_relaxed);
  }
};

} // namespace tether::detail
