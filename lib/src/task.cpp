#include <tether/task.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <typeinfo>

#include <boost/fiber/fiber.hpp>
#include <boost/fiber/fixedsize_stack.hpp>
#include <boost/fiber/operations.hpp>

#include "scheduler.hpp"
#include "task_registry.hpp"

namespace tether::detail {
namespace {

// Go starts goroutines small and grows them; fibers cannot grow, so they get
// room for ordinary library code (iostreams, formatting) up front.
constexpr std::size_t task_stack_size = 256 * 1024;

[[noreturn]] void die_of_escaped_exception(const task_record &record) {
  const char *what = "unknown exception";
  try {
    throw;
  } catch (const std::exception &error) {
    what = error.what();
  } catch (...) {
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

void run_task(task_record &record, std::function<void()> &body) {
  boost::this_fiber::properties<task_properties>().record = &record;
  try {
    body();
  } catch (...) {
    die_of_escaped_exception(record);
  }
}

} // namespace

std::uint64_t spawn(std::string name, std::source_location site,
                    std::function<void()> body) {
  ensure_workers_started();
  ensure_thread_joined();
  auto &registry = task_registry::instance();
  auto record = std::make_unique<task_record>();
  record->id = registry.next_id();
  record->name = std::move(name);
  record->spawn_site = site;
  record->spawned_at = std::chrono::steady_clock::now();
  record->last_progress_ns.store(steady_now_ns(), std::memory_order_relaxed);
  const std::uint64_t id = record->id;
  registry.add(record.get());
  boost::fibers::fiber(
      boost::fibers::launch::post, std::allocator_arg,
      boost::fibers::fixedsize_stack(task_stack_size),
      [record = std::move(record), body = std::move(body)]() mutable {
        run_task(*record, body);
        task_registry::instance().remove(record.get());
      })
      .detach();
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
