// The thread registry (see thread_registry.hpp).
#include "thread_registry.hpp"

#include <execinfo.h>

#include <algorithm>

namespace tether::detail {
namespace {

thread_local int runtime_scopes = 0;

} // namespace

thread_registry &thread_registry::instance() {
  // Never destroyed: threads may end after static destructors ran.
  static auto *registry = new thread_registry;
  return *registry;
}

std::shared_ptr<thread_record> thread_registry::prepare(bool detached) {
  auto record = std::make_shared<thread_record>();
  record->created = std::chrono::steady_clock::now();
  record->detached.store(detached, std::memory_order_relaxed);
  record->runtime_owned = runtime_scopes > 0;
  // Unwinds the creator's stack now (the cost measured in
  // docs/benchmarks.md); symbols are looked up only if a report needs them.
  record->spawn_depth =
      ::backtrace(record->spawn_pcs.data(), thread_record::max_frames);
  return record;
}

void thread_registry::add(const std::shared_ptr<thread_record> &record) {
  std::lock_guard lock(mutex_);
  record->serial = next_serial_++;
  live_.push_back(record);
}

void thread_registry::remove(const thread_record *record) {
  {
    std::lock_guard lock(mutex_);
    std::erase_if(live_, [&](const auto &r) { return r.get() == record; });
    ++exits_;
  }
  exited_.notify_all();
}

void thread_registry::mark_detached(pthread_t handle) {
  std::lock_guard lock(mutex_);
  for (const auto &r : live_)
    if (pthread_equal(r->handle.load(std::memory_order_relaxed), handle))
      r->detached.store(true, std::memory_order_relaxed);
}

std::vector<std::shared_ptr<thread_record>> thread_registry::live() const {
  std::lock_guard lock(mutex_);
  return live_;
}

void thread_registry::wait_for_exit(
    std::chrono::steady_clock::time_point until) {
  std::unique_lock lock(mutex_);
  const std::uint64_t seen = exits_;
  exited_.wait_until(lock, until, [&] { return exits_ != seen; });
}

runtime_thread_scope::runtime_thread_scope() noexcept { ++runtime_scopes; }
runtime_thread_scope::~runtime_thread_scope() { --runtime_scopes; }

} // namespace tether::detail
