// The registry of every thread created through pthread_create (std::thread,
// std::jthread and std::async use it): who made it, where, and whether it is
// detached. Filled by the interposer (thread_interpose.cpp); read by the
// leak detector's look at threads (thread_look.cpp). Nothing here runs on a
// hot path: only thread creation, detach and exit touch it.
#pragma once

#include <sys/types.h>

#include <pthread.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <tether/leak.hpp>

namespace tether::detail {

/// One thread created since the library loaded.
struct thread_record {
  static constexpr int max_frames = 48;

  std::uint64_t serial = 0;        ///< never reused, unlike tids
  std::atomic<pid_t> tid{0};       ///< set by the thread itself when it starts
  std::atomic<pthread_t> handle{}; ///< stored by creator and thread alike
  std::chrono::steady_clock::time_point created;
  std::atomic<bool> detached{false};
  bool runtime_owned = false; ///< a scheduler worker, the timer thread...
  /// The creator's stack at pthread_create, raw; symbolized on demand.
  std::array<void *, max_frames> spawn_pcs{};
  int spawn_depth = 0;

  // What the looks learnt, guarded by the registry's look mutex.
  bool symbolized = false;
  std::vector<leak::frame_info> spawn_stack;
  leak::frame_info spawn_site;
  char last_state = 0;
  long last_syscall = -2;
  unsigned long long last_cpu = ~0ULL;
  std::chrono::steady_clock::time_point state_since;
  bool state_seen = false; ///< state_since is when a look first saw it
};

class thread_registry {
public:
  static thread_registry &instance();

  /// A record for a thread about to be created by the calling thread, with
  /// the caller's stack. `detached`: created with PTHREAD_CREATE_DETACHED.
  std::shared_ptr<thread_record> prepare(bool detached);
  void add(const std::shared_ptr<thread_record> &record);
  /// The thread ended (its start routine returned or it called
  /// pthread_exit): it is no longer a party.
  void remove(const thread_record *record);
  void mark_detached(pthread_t handle);
  /// Copies of the live records' pointers (they stay valid while held).
  [[nodiscard]] std::vector<std::shared_ptr<thread_record>> live() const;
  /// Waits until a thread ends or `until`.
  void wait_for_exit(std::chrono::steady_clock::time_point until);
  /// Serialises looks (they update the records' look fields).
  std::mutex &look_mutex() { return look_mutex_; }

private:
  mutable std::mutex mutex_;
  std::condition_variable exited_;
  std::uint64_t exits_ = 0;
  std::uint64_t next_serial_ = 1;
  std::vector<std::shared_ptr<thread_record>> live_;
  std::mutex look_mutex_;
};

/// While alive, threads the calling thread creates belong to the runtime
/// (its workers, timer thread, watchdog): they are never reported.
class runtime_thread_scope {
public:
  runtime_thread_scope() noexcept;
  ~runtime_thread_scope();
  runtime_thread_scope(const runtime_thread_scope &) = delete;
  runtime_thread_scope &operator=(const runtime_thread_scope &) = delete;
};

/// The record of the calling thread, or nullptr (main, or created before
/// the library loaded).
[[nodiscard]] thread_record *current_thread_record() noexcept;

/// The thread look (thread_look.cpp): every live, not runtime-owned thread
/// other than the caller. `stacks`: also capture each thread's own stack
/// (a signal to it) and symbolize; without, only /proc and the spawn site.
[[nodiscard]] std::vector<leak::thread_info> look_at_threads(bool stacks);

/// Writes one thread in the report's Go-like form.
void print_thread(std::ostream &out, const leak::thread_info &t);

/// The "1.2s"/"40ms" form of the reports.
void print_duration(std::ostream &out, std::chrono::nanoseconds d);

/// The threads the exit report names: alive and joinable, or detached and
/// blocked (a detached thread still working may be fine).
[[nodiscard]] std::vector<leak::thread_info> threads_left_at_exit();

/// Registers `report` to run at exit, once, when TETHER_LEAK_REPORT=1.
void at_exit_if_report_requested(void (*report)());

} // namespace tether::detail
