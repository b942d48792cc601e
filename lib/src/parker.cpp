#include <tether/detail/parker.hpp>

#include <mutex>

#include "scheduler.hpp"

namespace tether::detail {

void parker::park() noexcept {
  ensure_thread_joined();
  boost::fibers::context *self = boost::fibers::context::active();
  std::unique_lock lock(lock_);
  while (!woken_.load(std::memory_order_acquire)) {
    waiting_.store(self, std::memory_order_release);
    self->suspend(lock); // releases the lock once switched away
    lock.lock();
  }
}

void parker::unpark() noexcept {
  boost::fibers::context *waiting;
  {
    std::lock_guard lock(lock_);
    woken_.store(true, std::memory_order_release);
    waiting = waiting_.exchange(nullptr, std::memory_order_acq_rel);
  }
  if (waiting)
    boost::fibers::context::active()->schedule(waiting);
}

} // namespace tether::detail
