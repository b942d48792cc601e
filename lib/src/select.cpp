#include <tether/select.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <thread>

namespace tether::detail {
namespace {

// Selects with up to this many cases keep their bookkeeping on the stack.
constexpr std::size_t inline_cases = 8;

template <class T> class scratch {
public:
  explicit scratch(std::size_t count)
      : heap_(count > inline_cases ? std::make_unique<T[]>(count) : nullptr) {}
  T &operator[](std::size_t i) noexcept {
    return heap_ ? heap_[i] : inline_[i];
  }
  T *begin() noexcept { return heap_ ? heap_.get() : inline_; }

private:
  T inline_[inline_cases]{};
  std::unique_ptr<T[]> heap_;
};

std::uint64_t next_random() noexcept {
  thread_local std::uint64_t state =
      std::random_device{}() | (std::uint64_t{std::random_device{}()} << 32) |
      1;
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return state * 2685821657736338717ULL;
}

/// The distinct channel locks of a select, taken in address order so that
/// two selects over the same channels cannot deadlock.
class lock_set {
public:
  lock_set(select_case *const *cases, std::size_t count) : locks_(count) {
    for (std::size_t i = 0; i < count; ++i)
      if (spinlock *lock = cases[i]->lock())
        locks_[size_++] = lock;
    std::sort(locks_.begin(), locks_.begin() + size_);
    size_ =
        std::unique(locks_.begin(), locks_.begin() + size_) - locks_.begin();
    lock();
  }
  ~lock_set() {
    if (held_)
      unlock();
  }
  void lock() noexcept {
    for (std::size_t i = 0; i < size_; ++i)
      locks_[i]->lock();
    held_ = true;
  }
  void unlock() noexcept {
    for (std::size_t i = size_; i > 0; --i)
      locks_[i - 1]->unlock();
    held_ = false;
  }

private:
  scratch<spinlock *> locks_;
  std::size_t size_ = 0;
  bool held_ = false;
};

} // namespace

int run_select(select_case *const *cases, std::size_t count,
               const block_info &info) {
  // Polling in a random order makes every ready case equally likely.
  scratch<int> order(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t j = next_random() % (i + 1);
    order[i] = order[j];
    order[j] = static_cast<int>(i);
  }

  // Each round polls every case, then parks on all of them. Another round
  // follows when a case's party woke the select without completing it (the
  // channel closed, or a lock-free operation took what it was handed).
  for (;;) {
    // First without the locks, as a lone buffered send or receive goes. The
    // first case in the random order that needs its lock ends this pass and
    // the locked poll starts over, so every ready case stays equally likely.
    for (std::size_t k = 0; k < count; ++k) {
      const int i = order[k];
      const unlocked_poll polled = cases[i]->poll_unlocked();
      if (polled == unlocked_poll::taken) {
        cases[i]->run();
        return i;
      }
      if (polled == unlocked_poll::needs_lock)
        break;
    }
    lock_set locks(cases, count);
    int default_case = -1;
    for (std::size_t k = 0; k < count; ++k) {
      const int i = order[k];
      if (cases[i]->is_default()) {
        default_case = i;
        continue;
      }
      waiter_node *woken = nullptr;
      if (cases[i]->poll(woken)) {
        locks.unlock();
        if (woken)
          woken->owner->unpark();
        cases[i]->run();
        return i;
      }
    }
    if (default_case >= 0) {
      locks.unlock();
      cases[default_case]->run();
      return default_case;
    }

    parker parker;
    scratch<waiter_node> nodes(count);
    // Queue in the random poll order too: cases on one channel must not
    // favour the first written (Go's TestPseudoRandomSend).
    bool became_ready = false;
    for (std::size_t k = 0; k < count && !became_ready; ++k) {
      const int i = order[k];
      nodes[i].owner = &parker;
      nodes[i].case_index = i;
      became_ready = !cases[i]->enqueue(nodes[i]);
    }
    // A case made ready by a lock-free operation since its poll: poll again,
    // unless a stop request claimed the select first.
    const int poll_again = static_cast<int>(count);
    if (became_ready && parker.try_claim(poll_again)) {
      for (std::size_t i = 0; i < count; ++i)
        cases[i]->dequeue(nodes[i]);
      continue;
    }
    locks.unlock();
    {
      blocked_scope blocked(info.kind, info.site, info.type, &parker);
      parker.park();
    }
    const int winner = parker.winner();
    locks.lock();
    for (std::size_t i = 0; i < count; ++i)
      if (static_cast<int>(i) != winner)
        cases[i]->dequeue(nodes[i]);
    locks.unlock();
    if (nodes[winner].retry)
      continue;
    cases[winner]->finish();
    cases[winner]->run();
    return winner;
  }
}

} // namespace tether::detail
