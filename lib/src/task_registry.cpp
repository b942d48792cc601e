#include "task_registry.hpp"

#include <cstdlib>
#include <cstring>

#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "leak_internal.hpp"
#include "recent_clock.hpp"
#include "sanitizer_fibers.hpp"

namespace tether::detail {

namespace {
bool tracking_from_environment() {
  const char *env = std::getenv("TETHER_LEAK_TRACKING");
  return !(env && std::strcmp(env, "0") == 0);
}

/// Registers the process for expedited private membarriers (Linux 4.14+);
/// false where the kernel or a seccomp filter refuses, and under TSan.
bool register_membarrier() {
#ifdef TETHER_TSAN_FIBERS
  return false;
#else
  return syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0,
                 0) == 0;
#endif
}

/// See set_running_task; nullptr on plain threads and in contexts that run
/// no task.
constinit thread_local task_record *running_task_record = nullptr;
} // namespace

void set_running_task(task_record *record) noexcept {
  running_task_record = record;
}

std::atomic<bool> tracking_enabled{tracking_from_environment()};
std::atomic<int> inspections{0};
bool asymmetric_fences() noexcept {
  // Decided once, on first use by either side, and never changed after.
  static const bool registered = register_membarrier();
  return registered;
}

void detector_fence() noexcept {
  // Every running thread of the process passes a full barrier before this
  // returns: a party has either stored `running` where we can see it, or it
  // will see `inspections` raised. A registered process is never refused;
  // if it were, the handshake would be unsound, so stop rather than guess.
  if (asymmetric_fences() &&
      syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) != 0)
    std::abort();
}

task_registry &task_registry::instance() {
  static auto *registry = [] {
    // Any program that uses tasks honours TETHER_LEAK_REPORT=1.
    install_exit_report_if_requested();
    return new task_registry; // outlives detached workers
  }();
  return *registry;
}

void task_registry::add(task_record *record) {
  std::lock_guard lock(lock_);
  live_.push_back(*record);
}

void task_registry::remove(task_record *record) {
  bool waited_for = false;
  {
    std::lock_guard lock(lock_);
    live_.erase(live_.iterator_to(*record));
    ++exits_;
    waited_for = exit_waiters_ != 0;
  }
  if (waited_for) {
    // A waiter counted itself before it read exits_, and holds exit_mutex_
    // until it sleeps: taking it here cannot miss the waiter.
    std::lock_guard lock(exit_mutex_);
    exited_.notify_all();
  }
}

void task_registry::for_each(
    const std::function<void(const task_record &)> &visit) const {
  std::lock_guard lock(lock_);
  for (const task_record &record : live_)
    visit(record);
}

void task_registry::with_all(
    const std::function<void(live_records &)> &inspect) {
  std::lock_guard lock(lock_);
  inspect(live_);
}

void task_registry::wait_for_exit(std::chrono::steady_clock::time_point until) {
  std::unique_lock sleep_lock(exit_mutex_);
  std::uint64_t seen = 0;
  {
    std::lock_guard lock(lock_);
    ++exit_waiters_;
    seen = exits_;
  }
  exited_.wait_until(sleep_lock, until, [&] {
    std::lock_guard lock(lock_);
    return exits_ != seen;
  });
  std::lock_guard lock(lock_);
  --exit_waiters_;
}

std::size_t task_registry::task_count() const {
  std::lock_guard lock(lock_);
  std::size_t count = 0;
  for (const task_record &record : live_)
    count += record.is_task ? 1 : 0;
  return count;
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
  if (task_record *record = running_task_record)
    return *record;
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

namespace {
/// Now, for `r`'s records: a task runs on a worker, which keeps the recent
/// clock fresh; a plain thread reads the clock (its blocking is slow anyway).
std::int64_t now_for(const task_record &r) noexcept {
  return r.is_task ? recent_now_ns() : steady_now_ns();
}

/// `status` with its count bumped and its state set to `state`.
std::uint64_t next_status(const task_record &r, task_state state) noexcept {
  const std::uint64_t old = r.status.load(std::memory_order_relaxed);
  return (status_epoch(old) + 1) << 2 | static_cast<std::uint64_t>(state);
}
} // namespace

blocked_scope::blocked_scope(const block_description &what) noexcept
    : what_(what), record_(tracking_enabled.load(std::memory_order_relaxed)
                               ? &current_record()
                               : nullptr) {
  if (!record_)
    return;
  task_record &r = *record_;
  r.block.store(&what_, std::memory_order_relaxed);
  r.blocked_since_ns.store(now_for(r), std::memory_order_relaxed);
  const bool sleeps = what.kind == block_kind::sleep;
  // Release: a detector that sees the state also sees what_ and the time.
  r.status.store(
      next_status(r, sleeps ? task_state::sleeping : task_state::blocked),
      std::memory_order_release);
  if (!r.is_task && !sleeps)
    on_thread_blocked(true);
}

blocked_scope::~blocked_scope() {
  if (!record_)
    return;
  task_record &r = *record_;
  // Dekker with the detector (leak_scan.cpp): either it sees us running, or
  // we see it inspecting and wait until it has let go of our stack objects
  // (what_, the parker and the channel handle die when this scope's caller
  // returns).
  const std::uint64_t running = next_status(r, task_state::running);
  bool inspected;
  if (asymmetric_fences()) {
    // Release, as the seq_cst store was, for readers of the other fields;
    // a plain store on x86.
    r.status.store(running, std::memory_order_release);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    inspected = inspections.load(std::memory_order_relaxed) != 0;
  } else {
    r.status.store(running, std::memory_order_seq_cst);
    inspected = inspections.load(std::memory_order_seq_cst) != 0;
  }
  if (inspected)
    std::lock_guard wait_for_detector(r.inspect_mutex);
  if (!r.is_task && what_.kind != block_kind::sleep)
    on_thread_blocked(false);
}

void note_progress() noexcept {
  if (!tracking_enabled.load(std::memory_order_relaxed))
    return;
  task_record &r = current_record();
  r.last_progress_ns.store(now_for(r), std::memory_order_relaxed);
}

void note_closure(const void *closure, std::size_t size) noexcept {
  task_record &r = current_record();
  r.closure = closure;
  r.closure_size = size;
}

} // namespace tether::detail
