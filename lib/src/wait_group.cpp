#include <tether/task.hpp>

#include <stdexcept>

namespace tether {

void wait_group::add(int delta) {
  std::vector<detail::parker *> waiters;
  {
    std::lock_guard lock(lock_);
    counter_ += delta;
    if (counter_ < 0)
      throw std::logic_error("sync: negative WaitGroup counter");
    if (counter_ > 0)
      return;
    while (detail::waiter_node *node = waiters_.pop_claimed())
      waiters.push_back(node->owner);
  }
  for (detail::parker *waiter : waiters)
    waiter->unpark();
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
                                nullptr, &parker);
  parker.park();
}

} // namespace tether
