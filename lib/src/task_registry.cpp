#include "task_registry.hpp"

#include <boost/fiber/context.hpp>

#include "scheduler.hpp"

namespace tether::detail {

task_registry &task_registry::instance() {
  static auto *registry = new task_registry; // outlives detached workers
  return *registry;
}

void task_registry::add(task_record *record) {
  std::lock_guard lock(mutex_);
  live_.insert(record);
}

void task_registry::remove(task_record *record) {
  std::lock_guard lock(mutex_);
  live_.erase(record);
}

void task_registry::for_each(
    const std::function<void(const task_record &)> &visit) const {
  std::lock_guard lock(mutex_);
  for (const task_record *record : live_)
    visit(*record);
}

namespace {

/// The record of a plain thread, registered while the thread lives.
struct thread_record_holder {
  task_record record;
  thread_record_holder() {
    record.id = task_registry::instance().next_id();
    record.is_task = false;
    record.spawned_at = std::chrono::steady_clock::now();
    task_registry::instance().add(&record);
  }
  ~thread_record_holder() { task_registry::instance().remove(&record); }
};

} // namespace

task_record &current_record() noexcept {
  if (auto *props = static_cast<task_properties *>(
          boost::fibers::context::active()->get_properties()))
    if (props->record)
      return *props->record;
  thread_local thread_record_holder holder;
  return holder.record;
}

std::string_view to_string(block_kind kind) noexcept {
  switch (kind) {
  case block_kind::none:
    return "running";
  case block_kind::chan_send:
    return "send";
  case block_kind::chan_recv:
    return "receive";
  case block_kind::select:
    return "select";
  case block_kind::wait_group:
    return "wait_group";
  case block_kind::sleep:
    return "sleep";
  case block_kind::context:
    return "context";
  }
  return "unknown";
}

blocked_scope::blocked_scope(block_kind kind, std::source_location site,
                             const char *type, const void *object) noexcept
    : record_(current_record()) {
  record_.blocked_on.store(kind, std::memory_order_relaxed);
  record_.blocked_type.store(type, std::memory_order_relaxed);
  record_.block_site.store(site, std::memory_order_relaxed);
  record_.blocked_object.store(object, std::memory_order_relaxed);
  record_.blocked_since_ns.store(steady_now_ns(), std::memory_order_relaxed);
  record_.state.store(kind == block_kind::sleep ? task_state::sleeping
                                                : task_state::blocked,
                      std::memory_order_release);
}

blocked_scope::~blocked_scope() {
  record_.last_progress_ns.store(
      record_.blocked_since_ns.load(std::memory_order_relaxed),
      std::memory_order_relaxed);
  record_.blocked_on.store(block_kind::none, std::memory_order_relaxed);
  record_.state.store(task_state::running, std::memory_order_release);
}

void note_progress() noexcept {
  current_record().last_progress_ns.store(steady_now_ns(),
                                          std::memory_order_relaxed);
}

} // namespace tether::detail
