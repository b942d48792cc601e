// The runtime's fiber scheduler: worker threads share one run queue, and any
// other thread that blocks or spawns joins as a non-worker that only runs its
// own main context.
#pragma once

#include <boost/fiber/properties.hpp>

#include <tether/detail/task_record.hpp>

namespace tether::detail {

/// Per-fiber properties: the record of the task the fiber runs, and its
/// ThreadSanitizer shadow fiber.
class task_properties final : public boost::fibers::fiber_properties {
public:
  explicit task_properties(boost::fibers::context *ctx);
  ~task_properties() override;
  task_properties(const task_properties &) = delete;
  task_properties &operator=(const task_properties &) = delete;

  task_record *record = nullptr;
  void *shadow_fiber = nullptr;
};

/// Starts the worker pool on first use.
void ensure_workers_started();

/// Installs the runtime's scheduling algorithm on the calling thread.
void ensure_thread_joined();

} // namespace tether::detail
