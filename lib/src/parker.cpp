#include <tether/detail/parker.hpp>

#include <mutex>
#include <utility>

#include "scheduler.hpp"

namespace tether::detail {

void parker::park() noexcept {
  ensure_thread_joined();
  boost::fibers::context *self = boost::fibers::context::active();
  std::unique_lock lock(lock_);
  while (!woken_) {
    waiting_ = self;
    self->suspend(lock); // releases the lock once switched away
    lock.lock();
  }
}

void parker::unpark() noexcept {
  boost::fibers::context *waiting;
  {
    std::lock_guard lock(lock_);
    woken_ = true;
    waiting = std::exchange(waiting_, nullptr);
  }
  if (waiting)
    boost::fibers::context::active()->schedule(waiting);
}

} // namespace tether::detail
