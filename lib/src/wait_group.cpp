#include <tether/task.hpp>

#include <stdexcept>

namespace tether {

void wait_group::add(int delta) {
  // The waiters leave the queue under the lock and are woken after it; their
  // nodes live on their stacks until they are woken.
  detail::waiter_queue waiters;
  {
    std::lock_guard lock(lock_);
    counter_ += delta;
    if (counter_ < 0)
      throw std::logic_error("sync: negative WaitGroup counter");
    if (counter_ > 0)
      return;
    waiters.take_all(waiters_);
  }
  while (detail::waiter_node *node = waiters.pop_claimed())
    node->owner->unpark();
}

void wait_group::wait(std::source_location site) {
  std::unique_lock lock(lock_);
  if (counter_ == 0)
    return;
  detail::parker parker;
  detail::waiter_node node(&parker, 0);
  waiters_.push_back(node);
  lock.unlock();
  detail::blocked_scope blocked(detail::block_kind::wait_group, site, nullptr,
                                &parker);
  parker.park();
}

} // namespace tether
