#include "scheduler.hpp"

#include "recycling_pool.hpp"
#include "sanitizer_fibers.hpp"
#include "task_registry.hpp"
#include "thread_registry.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/fiber/algo/algorithm.hpp>
#include <boost/fiber/context.hpp>
#include <boost/fiber/future.hpp>
#include <boost/fiber/operations.hpp>
#include <boost/fiber/scheduler.hpp>

#include <tether/task.hpp>

namespace tether {
namespace detail {
namespace {

using boost::fibers::context;
using time_point = std::chrono::steady_clock::time_point;

// An idle worker spins this long before it sleeps, so that a task woken from
// another thread starts in well under a microsecond rather than after an OS
// wake-up (tens of microseconds here), as Go's spinning Ms do.
constexpr auto spin_window = std::chrono::microseconds(50);

// How long an idle worker sleeps before it looks for a task stuck in another
// worker's hand-off slot behind a task that does not yield.
constexpr auto steal_interval = std::chrono::milliseconds(2);

class pool_algorithm;

/// The algorithm of the calling thread's scheduler; nullptr until the thread
/// joins the runtime.
constinit thread_local pool_algorithm *this_thread_algorithm = nullptr;

/// The run queue shared by all workers, and the workers that sleep on it.
class run_queue {
public:
  void push(context *ctx) noexcept;
  [[nodiscard]] context *pop() noexcept;
  /// Registers `worker` as asleep unless work is already queued.
  [[nodiscard]] bool try_sleep(pool_algorithm *worker) noexcept;
  void wake_up(pool_algorithm *worker) noexcept;
  void add_worker(pool_algorithm *worker);
  [[nodiscard]] std::vector<pool_algorithm *> workers() const;
  /// Spinning workers find new work themselves: no sleeper needs waking.
  void start_spinning() noexcept {
    spinning_.fetch_add(1, std::memory_order_acq_rel);
  }
  void stop_spinning() noexcept {
    spinning_.fetch_sub(1, std::memory_order_acq_rel);
  }
  [[nodiscard]] bool empty() const noexcept {
    return size_.load(std::memory_order_acquire) == 0;
  }

private:
  mutable std::mutex mutex_;
  std::deque<context *> queue_;
  std::atomic<std::size_t> size_{0};
  std::atomic<int> spinning_{0};
  std::vector<pool_algorithm *> sleepers_;
  std::vector<pool_algorithm *> workers_;
};

run_queue &shared_queue() {
  static run_queue *queue = new run_queue; // outlives detached workers
  return *queue;
}

/// Workers run the shared queue, handing a task they wake to themselves first
/// (as Go's runnext) so that ping-pong stays on one thread. Non-workers run
/// only their pinned contexts and give every fiber to the workers.
class pool_algorithm final
    : public boost::fibers::algo::algorithm_with_properties<task_properties> {
public:
  explicit pool_algorithm(bool worker) : worker_(worker) {
    if (worker_)
      shared_queue().add_worker(this);
    this_thread_algorithm = this;
  }
  ~pool_algorithm() override {
    if (this_thread_algorithm == this)
      this_thread_algorithm = nullptr;
  }

  void awakened(context *ctx, task_properties &props) noexcept override {
    if (ctx->is_context(boost::fibers::type::pinned_context)) {
      ctx->ready_link(local_);
      return;
    }
    // Detaching is safe only here, on the worker the task ran on.
    ctx->detach();
    if (parker *on = std::exchange(props.parking, nullptr)) {
      on->park_detached(ctx); // a parking task, now off its stack
      return;
    }
    // A task that yields is readied right after it switched out: as Go's
    // Gosched, it queues behind the others instead of running next, or two
    // yielding tasks would take turns on the worker and starve the rest.
    if (worker_ && ctx != switched_from_)
      take_next(ctx);
    else
      shared_queue().push(ctx);
  }

  /// Runs the detached `ctx` next on this worker; the task it displaces
  /// goes to the shared queue.
  void take_next(context *ctx) noexcept {
    handoffs_.fetch_add(1, std::memory_order_relaxed);
    if (context *displaced = next_.exchange(ctx, std::memory_order_acq_rel))
      shared_queue().push(displaced);
  }

  [[nodiscard]] bool is_worker() const noexcept { return worker_; }

  /// Makes the next switch run the dispatcher.
  void dispatcher_due() noexcept {
    dispatcher_due_.store(true, std::memory_order_release);
  }

  /// A task of this worker finished. The dispatcher frees finished tasks'
  /// stacks, and each of its passes reads the precise clock (Boost.Fiber's
  /// sleep check), so it runs once per batch of them, or as soon as the
  /// worker has nothing else to run, not after every task.
  void task_finished() noexcept {
    if (++unfreed_tasks_ >= unfreed_batch)
      dispatcher_due();
  }

  /// Tasks sleeping in this scheduler's sleep queue.
  std::atomic<int> sleepers_{0};

  TETHER_ANNOUNCES_FIBER_SWITCH context *pick_next() noexcept override {
    switched_from_ = context::active();
    context *next = choose_next();
    // nullptr: the caller goes on as, or switches to, the dispatcher.
    set_running_task(next ? record_of(next) : nullptr);
    if (next)
      sanitizer_fibers::announce(sanitizer_fibers::shadow_of(next));
    return next;
  }

  bool has_ready_fibers() const noexcept override {
    return !local_.empty() ||
           (worker_ && (next_.load(std::memory_order_acquire) != nullptr ||
                        !shared_queue().empty()));
  }

  void suspend_until(time_point const &wake_at) noexcept override {
    if (!worker_) {
      wait_until(wake_at);
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (idle_since_ == time_point()) {
      idle_since_ = now;
      shared_queue().start_spinning();
    }
    if (now - idle_since_ < spin_window && wake_at > now)
      return; // the dispatcher loops: remote wake-ups, timers, the queue
    stop_idling();
    if (!shared_queue().try_sleep(this))
      return;
    wait_until(std::min(wake_at, now + steal_interval));
    shared_queue().wake_up(this);
    steal_stuck_task();
  }

  /// Wakes this thread if it sleeps for lack of work.
  void wake() noexcept {
    // Notify under the lock: a non-worker thread may exit, destroying this
    // algorithm, as soon as it sees notified_.
    std::lock_guard lock(mutex_);
    notified_ = true;
    wakeup_.notify_one();
  }

  TETHER_ANNOUNCES_FIBER_SWITCH void notify() noexcept override {
    dispatcher_due_.store(true, std::memory_order_release);
    wake();
    // Only the dispatcher shutting down at thread exit notifies its own
    // thread's algorithm; it then returns to the main context by itself.
    if (context::active()->is_context(
            boost::fibers::type::dispatcher_context) &&
        std::this_thread::get_id() == owner_) {
      set_running_task(nullptr);
      sanitizer_fibers::announce(sanitizer_fibers::main_shadow());
    }
  }

private:
  /// Every context the algorithm hands out was awakened first, which gave it
  /// properties; a task sets its record there when it starts.
  static task_record *record_of(context *ctx) noexcept {
    return static_cast<task_properties *>(ctx->get_properties())->record;
  }

  context *choose_next() noexcept {
    // Pinned contexts first: the dispatcher frees finished tasks, moves tasks
    // woken from other threads in and fires sleeps; it must not starve while
    // tasks keep the worker busy.
    if (!local_.empty()) {
      // Unless it has work, skip the dispatcher (its pass reads the clock and
      // takes the remote queue's lock): task to task is then one switch.
      if (worker_ && !dispatcher_has_work())
        if (context *ctx = take_task())
          return ctx;
      context *ctx = &local_.front();
      local_.pop_front();
      if (ctx->is_context(boost::fibers::type::dispatcher_context)) {
        dispatcher_due_.store(false, std::memory_order_relaxed);
        unfreed_tasks_ = 0;
      }
      return ctx;
    }
    return worker_ ? take_task() : nullptr;
  }

  /// The next task of this worker's slot or the shared queue, attached here.
  context *take_task() noexcept {
    context *ctx = next_.exchange(nullptr, std::memory_order_acq_rel);
    if (!ctx)
      ctx = shared_queue().pop();
    if (!ctx)
      return nullptr;
    stop_idling();
    context::active()->attach(ctx);
    return ctx;
  }

  /// Whether the dispatcher may have something to do: a task woken from
  /// another thread queued by Boost.Fiber (notify), a finished task to free,
  /// or a sleeper (its wake-up time is Boost.Fiber's to check).
  [[nodiscard]] bool dispatcher_has_work() const noexcept {
    return dispatcher_due_.load(std::memory_order_acquire) ||
           sleepers_.load(std::memory_order_acquire) != 0;
  }

  void stop_idling() noexcept {
    if (idle_since_ == time_point())
      return;
    idle_since_ = time_point();
    shared_queue().stop_spinning();
  }

  /// Moves a task to the shared queue if it has waited in another worker's
  /// hand-off slot since this worker last looked: that worker runs a task
  /// that does not yield. Hand-offs that move on are left alone.
  void steal_stuck_task() noexcept {
    for (pool_algorithm *victim : shared_queue().workers()) {
      if (victim == this)
        continue;
      const auto handoffs = victim->handoffs_.load(std::memory_order_relaxed);
      context *waiting = victim->next_.load(std::memory_order_acquire);
      auto &seen = handoffs_seen_[victim];
      if (waiting && seen == handoffs &&
          victim->next_.compare_exchange_strong(waiting, nullptr))
        shared_queue().push(waiting);
      seen = handoffs;
    }
  }

  void wait_until(time_point const &wake_at) {
    std::unique_lock lock(mutex_);
    if (wake_at == time_point::max())
      wakeup_.wait(lock, [this] { return notified_; });
    else
      wakeup_.wait_until(lock, wake_at, [this] { return notified_; });
    notified_ = false;
  }

  const bool worker_;
  const std::thread::id owner_ = std::this_thread::get_id();
  boost::fibers::scheduler::ready_queue_type local_;
  std::atomic<context *> next_{nullptr};
  context *switched_from_ = nullptr;       // active at the last pick_next
  std::atomic<std::uint64_t> handoffs_{0}; // puts into next_, for stealing
  std::unordered_map<pool_algorithm *, std::uint64_t> handoffs_seen_;
  time_point idle_since_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool notified_ = false;
  std::atomic<bool> dispatcher_due_{false};
  static constexpr int unfreed_batch = 16; // 4 MiB of mostly untouched stacks
  int unfreed_tasks_ = 0;                  // finished since the dispatcher ran
};

void run_queue::push(context *ctx) noexcept {
  pool_algorithm *sleeper = nullptr;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(ctx);
    size_.fetch_add(1, std::memory_order_release);
    if (!sleepers_.empty() && spinning_.load(std::memory_order_acquire) == 0) {
      sleeper = sleepers_.back();
      sleepers_.pop_back();
    }
  }
  if (sleeper)
    sleeper->wake();
}

context *run_queue::pop() noexcept {
  if (empty())
    return nullptr;
  std::lock_guard lock(mutex_);
  if (queue_.empty())
    return nullptr;
  context *ctx = queue_.front();
  queue_.pop_front();
  size_.fetch_sub(1, std::memory_order_release);
  return ctx;
}

bool run_queue::try_sleep(pool_algorithm *worker) noexcept {
  std::lock_guard lock(mutex_);
  if (!queue_.empty())
    return false;
  sleepers_.push_back(worker);
  return true;
}

void run_queue::wake_up(pool_algorithm *worker) noexcept {
  std::lock_guard lock(mutex_);
  std::erase(sleepers_, worker);
}

void run_queue::add_worker(pool_algorithm *worker) {
  std::lock_guard lock(mutex_);
  workers_.push_back(worker);
}

std::vector<pool_algorithm *> run_queue::workers() const {
  std::lock_guard lock(mutex_);
  return workers_;
}

std::atomic<std::size_t> configured_workers{0};
thread_local bool thread_joined = false;

std::size_t worker_count() {
  if (std::size_t count = configured_workers.load())
    return count;
  if (const char *env = std::getenv("TETHER_WORKERS"))
    if (int count = std::atoi(env); count > 0)
      return static_cast<std::size_t>(count);
  return std::max(1u, std::thread::hardware_concurrency());
}

void run_worker() {
  thread_joined = true;
  sanitizer_fibers::on_thread_joined();
  boost::fibers::use_scheduling_algorithm<pool_algorithm>(true);
  // The worker's main context waits for good; its dispatcher runs the tasks.
  boost::fibers::promise<void> never;
  never.get_future().wait();
}

recycling_pool<void *, 256> &properties_pool() {
  static auto *pool = new recycling_pool<void *, 256>;
  return *pool; // outlives detached workers
}

} // namespace

void *task_properties::operator new(std::size_t size) {
  if (auto block = properties_pool().take())
    return *block;
  return ::operator new(size);
}

void task_properties::operator delete(void *block) noexcept {
  if (!properties_pool().give(block))
    ::operator delete(block);
}

task_properties::task_properties(context *ctx)
    : fiber_properties(ctx),
      // The main context runs on its thread's own shadow fiber. A dispatcher
      // belongs to one thread and is freed when that thread's scheduler is.
      shadow_fiber(ctx->is_context(boost::fibers::type::main_context)
                       ? nullptr
                       : sanitizer_fibers::create()) {}

task_properties::~task_properties() {
  // The last reference to a finished task's context may be dropped on the
  // spawner's thread (its detach) rather than by the dispatcher that ran it;
  // Boost.Fiber orders that with a reference count TSan does not see.
  sanitizer_fibers::happens_after(this);
  sanitizer_fibers::destroy(shadow_fiber);
}

void switch_out_parking(context *self, parker &on) noexcept {
  static_cast<task_properties *>(self->get_properties())->parking = &on;
  // Through yield, Boost.Fiber schedules the task again once it runs on
  // another context: awakened() then sees `parking` and detaches it.
  self->yield();
}

void run_next(context *ctx) noexcept {
  pool_algorithm *algorithm = this_thread_algorithm;
  if (algorithm && algorithm->is_worker())
    algorithm->take_next(ctx);
  else
    shared_queue().push(ctx);
}

void sleep_until(time_point until) {
  // The sleeper stays in this thread's scheduler until it is due.
  pool_algorithm *algorithm = this_thread_algorithm;
  if (algorithm)
    algorithm->sleepers_.fetch_add(1, std::memory_order_acq_rel);
  boost::this_fiber::sleep_until(until);
  if (algorithm)
    algorithm->sleepers_.fetch_sub(1, std::memory_order_acq_rel);
}

void task_finishing() noexcept {
  if (pool_algorithm *algorithm = this_thread_algorithm)
    algorithm->task_finished();
}

void ensure_workers_started() {
  static const bool started = [] {
    const runtime_thread_scope ours; // workers are never reported as leaks
    for (std::size_t i = 0, n = worker_count(); i < n; ++i)
      std::thread(run_worker).detach();
    return true;
  }();
  (void)started;
}

void ensure_thread_joined() {
  if (thread_joined)
    return;
  thread_joined = true;
  sanitizer_fibers::on_thread_joined();
  boost::fibers::use_scheduling_algorithm<pool_algorithm>(false);
}

} // namespace detail

void set_worker_count(std::size_t count) {
  detail::configured_workers.store(count);
}

} // namespace tether
