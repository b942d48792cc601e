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

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TETHER_NO_RECYCLING 1 // sanitizers see every block new, as allocated
#endif
#endif

namespace tether::detail {

template <class Block, std::size_t MaxFree> class recycling_pool {
public:
  recycling_pool() { free_.reserve(MaxFree); }
  recycling_pool(const recycling_pool &) = delete;
  recycling_pool &operator=(const recycling_pool &) = delete;

  /// A block freed earlier, if any.
  [[nodiscard]] std::optional<Block> take() noexcept {
#ifndef TETHER_NO_RECYCLING
    std::lock_guard lock(lock_);
    if (!free_.empty()) {
      Block block = free_.back();
      free_.pop_back();
      return block;
    }
#endif
    return std::nullopt;
  }

  /// Keeps `block` for reuse; false if the pool is full (the caller frees it).
  [[nodiscard]] bool give(const Block &block) noexcept {
#ifndef TETHER_NO_RECYCLING
    std::lock_guard lock(lock_);
    if (free_.size() < MaxFree) {
      free_.push_back(block); // reserved up to MaxFree: cannot throw
      return true;
    }
#endif
    return false;
  }

private:
  boost::fibers::detail::spinlock lock_;
  std::vector<Block> free_;
};

} // namespace tether::detail
