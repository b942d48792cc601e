// recycling_pool: freed blocks of one kind kept for reuse, up to a bound, as
// Go keeps dead goroutines' stacks and records. A task's stack and its
// fiber's properties are made on one thread and freed on another, once per
// spawn; reusing them spares the allocator a cross-thread free each time.
#pragma once

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

} // namespace tether::detail
