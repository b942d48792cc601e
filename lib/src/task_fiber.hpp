// The one place a task's fiber is made, and the task code it runs.
//
// The fiber's first and last frames (Boost.Fiber's worker_context::run_,
// Boost.Context's fiber_entry and fiber_exit, the stack allocator) are
// templates instantiated where the fiber is made. The last of them run after
// the task ended: the dispatcher resumes the dead fiber once more to free its
// stack, a switch that happens inside Boost.Fiber where tether cannot announce
// it to ThreadSanitizer. Instrumented, those frames would pop entries off the
// dispatcher's shadow stack until TSan walked past its start and crashed. So
// task_fiber.cpp is built without TSan instrumentation and does nothing but
// make the fiber; the task's own code is in run_task, instrumented.
#pragma once

#include <memory>

#include <boost/context/stack_context.hpp>

#include <tether/detail/task_record.hpp>

namespace tether::detail {

/// Starts a detached fiber, posted to the worker pool, that calls
/// run_task(record). Defined in task_fiber.cpp.
void start_task_fiber(std::unique_ptr<task_record> record);

// Defined in task.cpp.

/// Runs a task's body on its fiber, then unregisters and frees its record.
void run_task(std::unique_ptr<task_record> record);

/// A stack for a task's fiber, reused from a finished task when possible.
[[nodiscard]] boost::context::stack_context allocate_task_stack();
void deallocate_task_stack(boost::context::stack_context &stack) noexcept;

} // namespace tether::detail
