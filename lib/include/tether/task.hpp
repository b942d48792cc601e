// Tasks: stackful fibers multiplexed over the runtime's worker threads (Go's
// goroutines), wait_group (sync.WaitGroup) and group (errgroup.Group).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <source_location>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

#include <tether/config.hpp>
#include <tether/context.hpp>
#include <tether/detail/parker.hpp>
#include <tether/detail/spawn.hpp>

namespace tether {

/// Sets the number of worker threads; call before the first task starts.
/// Default: std::thread::hardware_concurrency(), or TETHER_WORKERS.
void set_worker_count(std::size_t count);

/// Starts a task: `tether::go(f, args...)` or `tether::go("name", f,
/// args...)`. A class so that it can record the spawn site after a pack;
/// use it as a function. An exception escaping the task terminates the
/// program with a message naming the task and its spawn site.
template <class F, class... Args> class TETHER_ANNOTATE("tether::spawn") go {
public:
  TETHER_ANNOTATE("tether::spawn")
  explicit go(F &&f, Args &&...args,
              std::source_location site = std::source_location::current())
      : id_(detail::spawn({}, site,
                          detail::bind_task(std::forward<F>(f),
                                            std::forward<Args>(args)...))) {}

  TETHER_ANNOTATE("tether::spawn")
  go(std::string_view name, F &&f, Args &&...args,
     std::source_location site = std::source_location::current())
      : id_(detail::spawn(std::string(name), site,
                          detail::bind_task(std::forward<F>(f),
                                            std::forward<Args>(args)...))) {}

  /// The task's id, as in leak reports.
  [[nodiscard]] std::uint64_t id() const noexcept { return id_; }

private:
  std::uint64_t id_;
};

template <class F, class... Args>
  requires std::invocable<std::decay_t<F> &, std::decay_t<Args>...>
go(F &&, Args &&...) -> go<F, Args...>;

template <class F, class... Args>
  requires std::invocable<std::decay_t<F> &, std::decay_t<Args>...>
go(std::string_view, F &&, Args &&...) -> go<F, Args...>;

template <class F, class... Args>
  requires std::invocable<std::decay_t<F> &, std::decay_t<Args>...>
go(const char *, F &&, Args &&...) -> go<F, Args...>;

/// Go's sync.WaitGroup: wait() blocks until as many done() as add().
class wait_group {
public:
  wait_group() = default;
  wait_group(const wait_group &) = delete;
  wait_group &operator=(const wait_group &) = delete;

  /// Throws std::logic_error if the counter goes negative.
  void add(int delta = 1);
  void done() { add(-1); }

  TETHER_ANNOTATE("tether::blocking_wait")
  void wait(std::source_location site = std::source_location::current());

  /// add(1), then runs `f` as a task that calls done() when it returns.
  template <class F>
  TETHER_ANNOTATE("tether::spawn")
  void go(F f, std::source_location site = std::source_location::current()) {
    add(1);
    detail::spawn({}, site,
                  detail::bind_task([this, fn = std::move(f)]() mutable {
                    struct done_guard {
                      wait_group *group;
                      ~done_guard() { group->done(); }
                    } guard{this};
                    fn();
                  }));
  }

private:
  detail::spinlock lock_;
  long counter_ = 0;
  detail::waiter_queue waiters_;
};

/// Go's errgroup.Group with a context: tasks return void or std::error_code
/// (or throw); the first error cancels context(), and wait() returns it
/// (rethrows it if it was an exception).
class group {
public:
  explicit group(const context &parent = background(),
                 std::source_location site = std::source_location::current());
  ~group();
  group(const group &) = delete;
  group &operator=(const group &) = delete;

  /// Cancelled when a task fails or wait() returns.
  [[nodiscard]] const tether::context &context() const noexcept {
    return context_;
  }

  template <class F>
  TETHER_ANNOTATE("tether::spawn")
  void go(F f, std::source_location site = std::source_location::current()) {
    tasks_.add(1);
    detail::spawn({}, site,
                  detail::bind_task(
                      [this, fn = std::move(f)]() mutable { run_one(fn); }));
  }

  /// Waits for every task; the first error, or an empty code.
  [[nodiscard]] TETHER_ANNOTATE("tether::blocking_wait") std::error_code
      wait(std::source_location site = std::source_location::current());

private:
  template <class F> void run_one(F &fn) {
    try {
      if constexpr (std::is_void_v<std::invoke_result_t<F &>>) {
        fn();
      } else {
        if (std::error_code error = fn())
          fail(error, nullptr);
      }
    } catch (...) {
      fail({}, std::current_exception());
    }
    tasks_.done();
  }
  void fail(std::error_code error, std::exception_ptr exception);

  tether::context context_;
  cancel_func cancel_;
  wait_group tasks_;
  std::mutex mutex_;
  bool failed_ = false;
  std::error_code error_;
  std::exception_ptr exception_;
};

} // namespace tether
