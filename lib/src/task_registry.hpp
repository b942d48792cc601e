// The registry of live tasks and of plain threads that blocked in tether.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

#include <boost/intrusive/list.hpp>

#include <tether/detail/parker.hpp>
#include <tether/detail/task_record.hpp>

namespace tether::detail {

/// The live records, linked through their own registry_hook.
using live_records = boost::intrusive::list<
    task_record,
    boost::intrusive::member_hook<task_record,
                                  boost::intrusive::list_member_hook<>,
                                  &task_record::registry_hook>,
    boost::intrusive::constant_time_size<false>>;

class task_registry {
public:
  static task_registry &instance();

  [[nodiscard]] std::uint64_t next_id() noexcept {
    return next_id_.fetch_add(1, std::memory_order_relaxed);
  }
  void add(task_record *record);
  /// Unregisters `record` and wakes whoever waits for tasks to finish.
  void remove(task_record *record);
  /// Calls `visit` on every live record, under the registry lock.
  void for_each(const std::function<void(const task_record &)> &visit) const;
  /// Calls `inspect` once with every live record, under one registry lock
  /// hold: no record comes or goes until it returns.
  void with_all(const std::function<void(live_records &)> &inspect);
  /// Waits until a record is removed or `until`, whichever comes first.
  void wait_for_exit(std::chrono::steady_clock::time_point until);
  [[nodiscard]] std::size_t task_count() const;

private:
  // Every spawn and every exit take lock_, a spinlock: two fewer atomic
  // operations than a std::mutex, which is kept for sleeping in
  // wait_for_exit only.
  mutable spinlock lock_;
  live_records live_;       // guarded by lock_
  std::uint64_t exits_ = 0; // guarded by lock_
  int exit_waiters_ = 0;    // guarded by lock_
  std::mutex exit_mutex_;
  std::condition_variable exited_;
  std::atomic<std::uint64_t> next_id_{1};
};

/// Tells the registry which task runs on this thread from now on (nullptr:
/// none). The scheduler calls it at every switch and a task at its start, so
/// that blocking calls find their record with one thread-local load instead
/// of asking Boost.Fiber for the context. Out of line on purpose: a fiber can
/// resume on another thread, and a caller must not reuse a thread-local
/// address it computed before it was suspended.
[[gnu::noinline]] void set_running_task(task_record *record) noexcept;

/// Whether blocking calls update the records (TETHER_LEAK_TRACKING=0 or
/// set_tracking(false) turns it off, to measure what tracking costs).
extern std::atomic<bool> tracking_enabled;

/// Non-zero while a detector reads blocked parties' stack objects.
extern std::atomic<int> inspections;

/// The handshake between a blocked scope that ends (it stores `running`,
/// then loads `inspections`) and a detector (it raises `inspections`, then
/// loads the party's state) is a Dekker pair: one side must see the other.
/// With Linux's membarrier the party's side needs only a compiler barrier
/// and the detector, which runs rarely, pays a process-wide barrier; without
/// it (or under ThreadSanitizer, which cannot see membarrier) both sides use
/// sequentially consistent operations.
[[nodiscard]] bool asymmetric_fences() noexcept;

/// The detector's side, right after it raised `inspections`.
void detector_fence() noexcept;

/// A plain thread starts or stops blocking (the global deadlock watchdog
/// watches only while some known thread is blocked). Defined in leak code.
void on_thread_blocked(bool blocked) noexcept;

} // namespace tether::detail
