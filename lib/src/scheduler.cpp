#include "scheduler.hpp"

#include "recent_clock.hpp"
#include "recycling_pool.hpp"
#include "sanitizer_fibers.hpp"
#include "task_registry.hpp"
#include "thread_registry.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
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

#include <tether/detail/mpmc_ring.hpp>
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

// A worker takes another's queued tasks only when that worker is not getting
// to them: it has run one task for busy_for without a switch, or a task has
// waited in its queue for starving_for. Tasks that wake each other thus stay
// on one worker and in its cache (a producer and its consumers), as Linux
// keeps cache-hot tasks where they are.
constexpr auto busy_for = std::chrono::microseconds(20);
constexpr auto starving_for = std::chrono::milliseconds(1);

// How long an idle worker sleeps when no other worker has tasks queued.
constexpr auto idle_poll = std::chrono::milliseconds(2);

// Every this many picks a worker takes from the queues before its hand-off
// slot (as Go's schedtick), so that two tasks waking each other through the
// slot cannot starve the others.
constexpr std::uint32_t fairness_period = 61;

// Capacity of a worker's own run queue; beyond it, tasks go to the shared one.
constexpr std::size_t own_queue_capacity = 256;

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
/// (as Go's runnext) so that ping-pong stays on one thread; a task displaced
/// from that slot by a wake-up waits in the worker's own queue. Non-workers
/// run only their pinned contexts and give every fiber to the workers.
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
    // A new task displaces to the shared queue, where an idle worker finds
    // it at once: spawning is how work fans out.
    if (worker_ && ctx != switched_from_) {
      if (context *displaced = take_next(ctx))
        shared_queue().push(displaced);
    } else {
      shared_queue().push(ctx);
    }
  }

  /// Runs the detached `ctx` next on this worker; returns the task it
  /// displaces, if any.
  [[nodiscard]] context *take_next(context *ctx) noexcept {
    // Only this worker fills the slot; a thief only empties it. An empty
    // slot thus stays empty until the store below: no read-modify-write.
    if (!next_.load(std::memory_order_relaxed)) {
      next_.store(ctx, std::memory_order_release);
      return nullptr;
    }
    return next_.exchange(ctx, std::memory_order_acq_rel);
  }

  /// Queues the detached `ctx` on this worker, after its other tasks.
  void queue_here(context *ctx) noexcept {
    if (own_queue_.push(ctx) != ring_status::ok)
      shared_queue().push(ctx);
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
    // Only this thread writes it: a plain increment, read by thieves.
    switches_.store(switches_.load(std::memory_order_relaxed) + 1,
                    std::memory_order_relaxed);
    context *next = choose_next();
    // nullptr: the caller goes on as, or switches to, the dispatcher.
    set_running_task(next ? record_of(next) : nullptr);
    if (next)
      sanitizer_fibers::announce(sanitizer_fibers::shadow_of(next));
    return next;
  }

  bool has_ready_fibers() const noexcept override {
    return !local_.empty() ||
           (worker_ && (has_queued() || !shared_queue().empty()));
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
    if (!polling_ && now - idle_since_ < spin_window && wake_at > now)
      return; // the dispatcher loops: remote wake-ups, timers, the queue
    stop_idling();
    if (!shared_queue().try_sleep(this))
      return;
    // While another worker has tasks queued, wake often enough to see it
    // busy (see busy_for) and take them.
    const auto poll = others_have_queued() ? busy_for : idle_poll;
    worker_sleeps();
    const bool notified = wait_until(std::min(wake_at, now + poll));
    worker_wakes();
    shared_queue().wake_up(this);
    // Woken by the clock rather than by work: one look at the others (the
    // dispatcher's next pick steals if it should) and back to sleep, with no
    // spin window; spinning is for catching wake-ups fast.
    polling_ = !notified;
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

  /// The next task of this worker's slot, its queue, the shared queue or
  /// another worker's queue, attached here.
  context *take_task() noexcept {
    context *ctx = nullptr;
    if (++picks_ % fairness_period == 0)
      ctx = take_queued_fairly();
    if (!ctx && next_.load(std::memory_order_relaxed))
      ctx = next_.exchange(nullptr, std::memory_order_acq_rel);
    if (!ctx)
      ctx = take_own_queued();
    if (!ctx)
      ctx = shared_queue().pop();
    if (!ctx)
      ctx = steal();
    if (!ctx)
      return nullptr;
    stop_idling();
    polling_ = false;
    switched_from_->attach(ctx); // the active context, as pick_next read it
    return ctx;
  }

  context *take_own_queued() noexcept {
    std::optional<context *> ctx;
    return own_queue_.pop(ctx) == ring_status::ok ? ctx.value_or(nullptr)
                                                  : nullptr;
  }

  context *take_queued_fairly() noexcept {
    if (context *ctx = shared_queue().pop())
      return ctx;
    return take_own_queued();
  }

  [[nodiscard]] bool has_queued() const noexcept {
    return next_.load(std::memory_order_acquire) != nullptr ||
           own_queue_.size() != 0;
  }

  /// Whether another worker has tasks waiting in its own queue (a task
  /// waiting in a slot alone is its worker's next: no reason to look often).
  [[nodiscard]] bool others_have_queued() const {
    for (pool_algorithm *other : shared_queue().workers())
      if (other != this && other->own_queue_.size() != 0)
        return true;
    return false;
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

  /// What this worker last saw of another, to tell whether it is getting
  /// to its queued tasks.
  struct view_of_worker {
    std::uint64_t switches = 0;
    time_point switches_since; // when `switches` was first seen
    std::size_t queued = 0;    // the victim's pushes when `queued_since`
    time_point queued_since;
  };

  /// Takes tasks from a worker that is not getting to them (see busy_for):
  /// returns one to run and queues up to half of the rest here.
  context *steal() noexcept {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_look_ < busy_for / 4)
      return nullptr; // reading others' queues moves their cache lines
    last_look_ = now;
    for (pool_algorithm *victim : shared_queue().workers()) {
      if (victim == this)
        continue;
      auto [view, first_look] = views_.try_emplace(victim);
      const auto switches = victim->switches_.load(std::memory_order_relaxed);
      const std::size_t popped = victim->own_queue_.popped();
      const bool busy = !first_look && switches == view->second.switches &&
                        now - view->second.switches_since >= busy_for;
      const bool starving = !first_look && popped < view->second.queued &&
                            now - view->second.queued_since >= starving_for;
      if (first_look || switches != view->second.switches)
        view->second.switches_since = now;
      view->second.switches = switches;
      if (first_look || popped >= view->second.queued) {
        view->second.queued = victim->own_queue_.pushed();
        view->second.queued_since = now;
      }
      if (busy || starving)
        if (context *ctx = take_from(*victim, busy))
          return ctx;
    }
    return nullptr;
  }

  /// Half of `victim`'s queue, and its hand-off slot if it is `busy`: the
  /// first to run, the rest queued here.
  context *take_from(pool_algorithm &victim, bool busy) noexcept {
    context *taken =
        busy ? victim.next_.exchange(nullptr, std::memory_order_acq_rel)
             : nullptr;
    for (std::size_t n = (victim.own_queue_.size() + 1) / 2; n > 0; --n) {
      context *ctx = victim.take_own_queued();
      if (!ctx)
        break;
      if (taken)
        queue_here(ctx);
      else
        taken = ctx;
    }
    return taken;
  }

  /// Sleeps until wake() or `wake_at`; whether wake() came.
  bool wait_until(time_point const &wake_at) {
    std::unique_lock lock(mutex_);
    if (wake_at == time_point::max())
      wakeup_.wait(lock, [this] { return notified_; });
    else
      wakeup_.wait_until(lock, wake_at, [this] { return notified_; });
    return std::exchange(notified_, false);
  }

  const bool worker_;
  const std::thread::id owner_ = std::this_thread::get_id();
  boost::fibers::scheduler::ready_queue_type local_;
  std::atomic<context *> next_{nullptr};
  mpmc_ring<context *> own_queue_{own_queue_capacity};
  context *switched_from_ = nullptr; // active at the last pick_next
  std::atomic<std::uint64_t> switches_{0};
  std::uint32_t picks_ = 0;
  std::unordered_map<pool_algorithm *, view_of_worker> views_;
  time_point last_look_;
  time_point idle_since_;
  bool polling_ = false; // last woken by the poll's clock, not by work
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
  thread_keeps_blocks = true;
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

constinit thread_local worker_cache<void *, 32> properties_cache;

} // namespace

void *task_properties::operator new(std::size_t size) {
  if (auto block = properties_cache.take(properties_pool()))
    return *block;
  return ::operator new(size);
}

void task_properties::operator delete(void *block) noexcept {
  if (!properties_cache.give(block, properties_pool()))
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
  if (!algorithm || !algorithm->is_worker())
    shared_queue().push(ctx);
  else if (context *displaced = algorithm->take_next(ctx))
    algorithm->queue_here(displaced);
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
    const std::size_t workers = worker_count();
    start_recent_clock(workers);
    for (std::size_t i = 0; i < workers; ++i)
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
