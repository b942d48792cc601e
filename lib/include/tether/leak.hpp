// tether::leak: find, explain and verify leaked tasks, tickers and cancel
// functions (what uber-go/goleak and Go's goroutine-leak profile do for Go).
//
//   auto report = tether::leak::verify_none();   // waits for stragglers
//   if (!report.empty()) std::cerr << report;    // Go-like dump of each leak
//
// See docs/runtime.md for the report format and what each detector can see.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <source_location>
#include <string>
#include <unordered_set>
#include <vector>

namespace tether::leak {

using clock = std::chrono::steady_clock;

enum class task_state { running, blocked, sleeping };

/// One live task (or a plain thread blocked in tether) as the runtime sees it.
struct task_info {
  std::uint64_t id = 0;
  std::string name;
  bool is_task = true; ///< false: a plain thread blocked in a tether call
  std::source_location spawn_site;
  task_state state = task_state::running;
  /// "chan<int> send", "chan<int> receive", "select", "wait_group", "sleep".
  std::string blocked_on;
  std::source_location block_site;
  /// How long it has been blocked, or alive if it is running.
  clock::duration duration{};
  /// Running for at least this long without blocking or checking a context.
  clock::duration without_progress{};
  /// Running without progress for longer than the loop threshold.
  bool possible_loop = false;
  /// Blocked on a channel that no live party can reach: it can never wake.
  bool definite = false;
};

/// A ticker (or tick() channel) still firing although nobody receives.
struct ticker_info {
  std::uint64_t id = 0;
  std::source_location site; ///< where it was created
  clock::duration period{};
  clock::duration unread_for{}; ///< since a tick last found room
  std::uint64_t dropped_ticks = 0;
};

/// The last copy of a cancel_func died uncalled while its context was live.
struct dropped_cancel_info {
  std::uint64_t sequence = 0;
  std::source_location
      site; ///< the with_cancel/with_timeout/with_deadline call
  clock::time_point when;
};

/// One symbolized stack frame.
struct frame_info {
  std::string function; ///< demangled; empty if unknown
  std::string file;     ///< source file, or the binary when no line info
  std::size_t line = 0;
};

/// One thread of the process created with pthread_create (std::thread,
/// std::jthread, std::async, plain pthreads) after tether loaded, as a look
/// saw it: kernel state from /proc, its own stack from a signal to it.
struct thread_info {
  std::uint64_t id = 0; ///< tether's serial number, never reused
  int tid = 0;          ///< the kernel's thread id
  std::string name;     ///< pthread_setname_np, read at the look
  bool detached = false;
  bool blocked = false; ///< not running: in a blocking system call
  /// "blocked in condition_variable::wait", "sleeping in sleep_for",
  /// "in poll()", "running".
  std::string state;
  /// How long it has been in this state, at least (see since_first_look).
  clock::duration duration{};
  /// True when `duration` counts from the first look that saw the state
  /// (the kernel keeps no start time of a block): a lower bound.
  bool since_first_look = true;
  clock::duration alive{};
  frame_info spawn_site; ///< the first frame outside the standard library
  std::vector<frame_info> spawn_stack;
  /// Its own stack at the look, top first; empty when it did not answer the
  /// signal in time or blocks it (see `stack_note`).
  std::vector<frame_info> stack;
  std::string stack_note;
  /// The first frame of `stack` outside libc, libstdc++ and the unwinder.
  std::string top_function;
};

/// What snapshot() and verify_none() found. Printable (Go-like dump).
struct report {
  std::vector<task_info> tasks;
  std::vector<task_info> blocked_threads;
  /// Live threads created with pthread_create (not the runtime's own).
  std::vector<thread_info> threads;
  std::vector<ticker_info> tickers;
  std::vector<dropped_cancel_info> dropped_cancels;
  /// Every task and known thread is blocked on tether primitives.
  bool global_deadlock = false;

  /// No leaked task, thread, idle ticker or dropped cancellation.
  [[nodiscard]] bool empty() const noexcept {
    return tasks.empty() && threads.empty() && tickers.empty() &&
           dropped_cancels.empty();
  }
  /// The same text as operator<<.
  [[nodiscard]] std::string to_string() const;
};

std::ostream &operator<<(std::ostream &out, const report &r);

/// Ignore rules, thresholds and the one total deadline of verify_none().
/// Fluent: `leak::options().ignore_current().ignore_name("flusher")`.
struct options {
  /// verify_none() looks again whenever a task ends, until this deadline.
  clock::duration max_wait = std::chrono::seconds(1);
  /// A ticker unread this long is reported.
  clock::duration ticker_idle = std::chrono::milliseconds(500);
  /// A task running this long without blocking or checking its context is
  /// flagged as a possible loop without exit.
  clock::duration loop_threshold = std::chrono::milliseconds(500);

  /// Task and thread names.
  std::vector<std::string> ignored_names;
  /// Matched as substrings of the spawn site's function name.
  std::vector<std::string> ignored_functions;
  /// Matched as substrings of a thread's top function (goleak's
  /// IgnoreTopFunction): the first frame outside the C/C++ runtime.
  std::vector<std::string> ignored_top_functions;
  std::unordered_set<std::uint64_t> ignored_tasks;
  std::unordered_set<std::uint64_t> ignored_threads; ///< thread_info::id
  std::unordered_set<std::uint64_t> ignored_tickers;
  std::uint64_t cancels_after = 0; ///< dropped cancels up to here are ignored

  options &ignore_name(std::string name);
  options &ignore_function(std::string function);
  options &ignore_top_function(std::string function);
  /// Ignores every task, thread, ticker and dropped cancellation that
  /// exists now, and the calling thread.
  options &ignore_current();
  options &wait(clock::duration total) {
    max_wait = total;
    return *this;
  }
  options &loop_after(clock::duration d) {
    loop_threshold = d;
    return *this;
  }
  options &ticker_unread_after(clock::duration d) {
    ticker_idle = d;
    return *this;
  }
};

/// The live tasks (not plain threads), with their state and sites.
[[nodiscard]] std::vector<task_info> live_tasks();

/// Everything the detector sees now: tasks, blocked threads, idle tickers
/// (per `opts.ticker_idle`), dropped cancellations, deadlock verdicts.
/// Ignore rules are not applied.
[[nodiscard]] report snapshot(const options &opts = {});

/// Writes snapshot() in the Go-like form, one block per task.
void dump(std::ostream &out, const options &opts = {});

/// Waits up to `opts.max_wait` for live tasks to finish (looking again each
/// time one ends), then reports what is left that the rules do not ignore.
[[nodiscard]] report verify_none(const options &opts = {});

/// The blocked tasks that can provably never be woken (see docs/runtime.md
/// for when this is sound: it never reports a task that could still run).
[[nodiscard]] std::vector<task_info> definitely_leaked();

/// True if every task and every known thread is blocked on tether primitives
/// with no timer pending: nothing can ever run again.
[[nodiscard]] bool global_deadlock();

/// Called once per global deadlock, from a watchdog thread; the default
/// prints "all tasks are asleep" and the dump to stderr.
void set_deadlock_handler(std::function<void(const report &)> handler);

/// A process-wide ignore rule, active while the handle lives.
class [[nodiscard]] scoped_ignore {
public:
  explicit scoped_ignore(options rules);
  ~scoped_ignore();
  scoped_ignore(const scoped_ignore &) = delete;
  scoped_ignore &operator=(const scoped_ignore &) = delete;

private:
  std::uint64_t id_;
};

/// Turns the registry's per-blocking-call bookkeeping on or off (default on;
/// TETHER_LEAK_TRACKING=0 starts with it off). Off, reports lose block
/// sites, durations and definite verdicts; it exists to measure the cost.
void set_tracking(bool enabled) noexcept;
[[nodiscard]] bool tracking() noexcept;

/// Samples the live-task count on a period and calls back when it exceeds
/// the baseline (the count at construction) by more than a threshold: the
/// automated monitor of the Go interview chapter's detection method 3. Stops
/// in its destructor.
class monitor {
public:
  struct sample {
    std::size_t baseline = 0;
    std::size_t current = 0;
    std::size_t threshold = 0;
  };
  using callback = std::function<void(const sample &)>;

  /// The default callback logs the counts and the new tasks to stderr.
  explicit monitor(std::size_t threshold,
                   clock::duration period = std::chrono::milliseconds(500),
                   callback on_exceeded = {});
  ~monitor();
  monitor(const monitor &) = delete;
  monitor &operator=(const monitor &) = delete;

  [[nodiscard]] std::size_t baseline() const noexcept { return baseline_; }

private:
  struct state;
  std::size_t baseline_;
  std::unique_ptr<state> state_;
};

} // namespace tether::leak
