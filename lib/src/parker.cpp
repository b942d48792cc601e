#include <tether/detail/parker.hpp>

#include <mutex>

#include "scheduler.hpp"

namespace tether::detail {

using boost::fibers::context;

void parker::park() noexcept {
  ensure_thread_joined();
  context *self = context::active();
  std::unique_lock lock(lock_);
  if (woken_.load(std::memory_order_acquire))
    return;
  if (!self->is_context(boost::fibers::type::pinned_context)) {
    // A task: it leaves through the scheduler, which detaches it from this
    // worker once it is off its stack and hands it back through
    // park_detached (releasing the lock), so that unpark can run it next on
    // the waker's worker (Go's runnext) instead of on this one.
    lock.release();
    switch_out_parking(self, *this);
    return; // only unpark resumes a detached task
  }
  // A thread's main context stays on its thread.
  while (!woken_.load(std::memory_order_acquire)) {
    waiting_.store(self, std::memory_order_release);
    self->suspend(lock); // releases the lock once switched away
    lock.lock();
  }
}

void parker::park_detached(context *self) noexcept {
  waiting_.store(self, std::memory_order_release);
  lock_.unlock(); // from here on the parker may be gone
}

void parker::unpark() noexcept {
  context *waiting;
  {
    std::lock_guard lock(lock_);
    woken_.store(true, std::memory_order_release);
    // Written only under the lock: no read-modify-write needed.
    waiting = waiting_.load(std::memory_order_acquire);
    waiting_.store(nullptr, std::memory_order_relaxed);
  }
  if (!waiting)
    return;
  if (waiting->is_context(boost::fibers::type::pinned_context))
    context::active()->schedule(waiting);
  else
    run_next(waiting);
}

} // namespace tether::detail
