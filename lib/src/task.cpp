#include <tether/task.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <typeinfo>

#include <boost/fiber/fixedsize_stack.hpp>
#include <boost/fiber/operations.hpp>

#include "recycling_pool.hpp"
#include "sanitizer_fibers.hpp"
#include "scheduler.hpp"
#include "task_fiber.hpp"
#include "task_registry.hpp"

namespace tether::detail {
namespace {

// Go starts goroutines small and grows them; fibers cannot grow, so they get
// room for ordinary library code (iostreams, formatting) up front.
constexpr std::size_t task_stack_size = 256 * 1024;

/// Task stacks, kept for reuse when a task ends: a fresh 256 KiB malloc goes
/// to mmap or grows and trims the heap, which costs page faults and system
/// calls on every spawn. Up to 16 MiB of address space; only the pages tasks
/// touched are resident.
recycling_pool<boost::context::stack_context, 64> &stack_pool() {
  static auto *pool = new recycling_pool<boost::context::stack_context, 64>;
  return *pool; // outlives detached workers
}

constinit thread_local worker_cache<boost::context::stack_context, 32>
    stack_cache; // room for two of a dispatcher's batches of finished tasks

[[noreturn]] void die_of_escaped_exception(const task_record &record) {
  const char *what = nullptr;
  try {
    throw;
  } catch (const std::exception &error) {
    what = error.what();
  } catch (...) {
    what = "an exception not derived from std::exception";
  }
  std::fprintf(stderr,
               "tether: uncaught exception in task %llu \"%s\" spawned at "
               "%s:%u in %s: %s\n",
               static_cast<unsigned long long>(record.id), record.name.c_str(),
               record.spawn_site.file_name(),
               static_cast<unsigned>(record.spawn_site.line()),
               record.spawn_site.function_name(), what);
  std::fflush(stderr);
  std::abort();
}

} // namespace

boost::context::stack_context allocate_task_stack() {
  if (auto stack = stack_cache.take(stack_pool()))
    return *stack;
  return boost::fibers::fixedsize_stack(task_stack_size).allocate();
}

void deallocate_task_stack(boost::context::stack_context &stack) noexcept {
  if (!stack_cache.give(stack, stack_pool()))
    boost::fibers::fixedsize_stack(task_stack_size).deallocate(stack);
}

void run_task(std::unique_ptr<task_record> record) {
  auto &properties = boost::this_fiber::properties<task_properties>();
  properties.record = record.get();
  set_running_task(record.get()); // the scheduler saw none at the switch
  try {
    record->run_body();
  } catch (...) {
    die_of_escaped_exception(*record);
  }
  task_registry::instance().remove(record.get());
  set_running_task(nullptr); // the record dies with this frame
  task_finishing();
  sanitizer_fibers::happens_before(&properties); // see ~task_properties
}

std::uint64_t spawn(std::string name, std::source_location site,
                    std::unique_ptr<task_record> record) {
  ensure_workers_started();
  ensure_thread_joined();
  auto &registry = task_registry::instance();
  record->id = registry.next_id();
  record->name = std::move(name);
  record->spawn_site = site;
  // One read of the coarse clock: a precise one costs as much as a quarter
  // of a spawn under kvm-clock, and reports show milliseconds.
  const std::int64_t now_ns = steady_now_ns();
  record->spawned_at =
      std::chrono::steady_clock::time_point(std::chrono::nanoseconds(now_ns));
  record->last_progress_ns.store(now_ns, std::memory_order_relaxed);
  const std::uint64_t id = record->id;
  registry.add(record.get());
  start_task_fiber(std::move(record));
  return id;
}

[[noreturn]] void block_forever(block_kind kind, std::source_location site,
                                const char *type) {
  parker never;
  blocked_scope blocked(kind, site, type);
  never.park();
  std::abort(); // unreachable: nothing can unpark `never`
}

} // namespace tether::detail
