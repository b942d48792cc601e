// recycling_pool: freed blocks of one kind kept for reuse, up to a bound, as
// Go keeps dead goroutines' stacks and records. A task's stack and its
// fiber's properties are made on one thread and freed on another, once per
// spawn; reusing them spares the allocator a cross-thread free each time.
// worker_cache: a worker's own blocks in front of the pool.
#pragma once

#include <array>
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

#include <boost/fiber/detail/spinlock.hpp>

namespace tether::detail {

// Under the sanitizers every block is new, as allocated, so that they see it.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TETHER_SANITIZED_BLOCKS
#endif
#endif
#ifdef TETHER_SANITIZED_BLOCKS
inline constexpr bool recycling = false;
#else
inline constexpr bool recycling = true;
#endif

template <class Block, std::size_t MaxFree> class recycling_pool {
public:
  recycling_pool() { free_.reserve(MaxFree); }
  recycling_pool(const recycling_pool &) = delete;
  recycling_pool &operator=(const recycling_pool &) = delete;

  /// A block freed earlier, if any.
  [[nodiscard]] std::optional<Block> take() noexcept {
    if (!recycling)
      return std::nullopt;
    std::lock_guard lock(lock_);
    if (free_.empty())
      return std::nullopt;
    Block block = free_.back();
    free_.pop_back();
    return block;
  }

  /// Keeps `block` for reuse; false if the pool is full (the caller frees it).
  [[nodiscard]] bool give(const Block &block) noexcept {
    if (!recycling)
      return false;
    std::lock_guard lock(lock_);
    if (free_.size() >= MaxFree)
      return false;
    free_.push_back(block); // reserved up to MaxFree: cannot throw
    return true;
  }

private:
  boost::fibers::detail::spinlock lock_;
  std::vector<Block> free_;
};

/// Set on the threads that never exit, the workers: only they keep blocks in
/// a worker_cache, where a thread's exit would lose them.
constinit inline thread_local bool thread_keeps_blocks = false;

/// A worker's own blocks in front of a shared recycling_pool, taken and given
/// without a lock (as Go's per-P free lists): a task spawned on a worker and
/// freed by that worker's dispatcher leaves the pool alone. Meant to be
/// thread_local; on other threads it stays empty and passes to the pool.
template <class Block, std::size_t Max> class worker_cache {
public:
  template <std::size_t PoolMax>
  [[nodiscard]] std::optional<Block>
  take(recycling_pool<Block, PoolMax> &pool) noexcept {
    if (count_ > 0)
      return blocks_[--count_];
    return pool.take();
  }

  /// Keeps `block` here or in `pool`; false if both are full.
  template <std::size_t PoolMax>
  [[nodiscard]] bool give(const Block &block,
                          recycling_pool<Block, PoolMax> &pool) noexcept {
    if (recycling && thread_keeps_blocks && count_ < Max) {
      blocks_[count_++] = block;
      return true;
    }
    return pool.give(block);
  }

private:
  std::array<Block, Max> blocks_{};
  std::size_t count_ = 0;
};

} // namespace tether::detail
