// The runtime's fiber scheduler: worker threads share one run queue and keep
// a hand-off slot and a queue of their own for the tasks they wake; any other
// thread that blocks or spawns joins as a non-worker that only runs its own
// main context.
#pragma once

#include <chrono>
#include <cstddef>

#include <boost/fiber/properties.hpp>

#include <tether/detail/parker.hpp>
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

  /// Boost.Fiber news and deletes one per fiber: blocks are recycled.
  static void *operator new(std::size_t size);
  static void operator delete(void *block) noexcept;

  task_record *record = nullptr;
  void *shadow_fiber = nullptr;
  /// Set while the task switches out to park on it (see parker::park).
  parker *parking = nullptr;
};

/// Switches the running task `self` out to park on `on`, whose lock the
/// caller holds: once off its stack, the task is detached from its worker and
/// handed to on.park_detached().
void switch_out_parking(boost::fibers::context *self, parker &on) noexcept;

/// Makes the detached task `ctx` runnable: next on this thread's worker when
/// the caller runs on one (Go's runnext: a woken consumer follows its
/// producer on one thread; the task it displaces stays in that worker's
/// queue), else on any worker through the shared queue.
void run_next(boost::fibers::context *ctx) noexcept;

/// Sleeps the calling fiber until `until` (Boost.Fiber's sleep), telling its
/// worker that its dispatcher has a sleeper to wake.
void sleep_until(std::chrono::steady_clock::time_point until);

/// Called by a task about to finish: its worker's dispatcher frees it.
void task_finishing() noexcept;

/// Starts the worker pool on first use.
void ensure_workers_started();

/// Installs the runtime's scheduling algorithm on the calling thread.
void ensure_thread_joined();

} // namespace tether::detail
