// Built without ThreadSanitizer instrumentation: see task_fiber.hpp. Keep
// everything that is not fiber set-up out of this file.
#include "task_fiber.hpp"

#include <boost/fiber/fiber.hpp>

namespace tether::detail {
namespace {

/// The StackAllocator boost::fibers::fiber takes: a handle to the task.cpp
/// pool. Its deallocate runs among the dead fiber's last frames.
struct pooled_stack {
  boost::context::stack_context allocate() { return allocate_task_stack(); }
  void deallocate(boost::context::stack_context &stack) noexcept {
    deallocate_task_stack(stack);
  }
};

} // namespace

void start_task_fiber(std::unique_ptr<task_record> record) {
  boost::fibers::fiber(
      boost::fibers::launch::post, std::allocator_arg, pooled_stack{},
      [record = std::move(record)]() mutable { run_task(std::move(record)); })
      .detach();
}

} // namespace tether::detail
