#include <tether/task.hpp>

namespace tether {

group::group(const tether::context &parent, std::source_location site) {
  std::tie(context_, cancel_) = with_cancel(parent, site);
}

group::~group() {
  // Tasks refer to the group: cancel them, then let them finish.
  cancel_();
  tasks_.wait();
}

void group::fail(std::error_code error, std::exception_ptr exception) {
  {
    std::lock_guard lock(mutex_);
    if (failed_)
      return;
    failed_ = true;
    error_ = error;
    exception_ = std::move(exception);
  }
  cancel_();
}

std::error_code group::wait(std::source_location site) {
  tasks_.wait(site);
  cancel_();
  std::lock_guard lock(mutex_);
  if (exception_)
    std::rethrow_exception(exception_);
  return error_;
}

} // namespace tether
