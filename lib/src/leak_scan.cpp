// The detector's view of the registry. Records are updated by their owners
// with relaxed stores, so one pass over them is not a consistent picture: a
// task may look blocked although its wake-up is already on the way. Hence:
//
//  * a blocked party counts as blocked only while its parker is unclaimed
//    (every waker claims the parker before it unparks it), read under the
//    record's inspect_mutex, which a blocked scope waits for before it ends
//    (so the parker and the channel handle are alive while we read them);
//  * two passes under the registry lock: a party blocked and unclaimed in
//    both, with the same block epoch, was blocked at every instant between
//    them. Verdicts about "nothing can run" hold at such an instant.
//
// Definite leaks (Go 1.26's goroutine-leak profile, without a GC): a task
// parked on a plain send or receive of channel S can never wake if every
// handle of S lies in the closures of tasks that can never wake either. The
// handles of S are counted by its shared_ptr use count; those in closures by
// finding S's (pointer, control block) pair in the closure's bytes. Any
// handle elsewhere (a stack, the heap, a global, a context, a timer) counts
// as reachable, so the answer errs towards "maybe alive".
#include "leak_internal.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include <tether/detail/parker.hpp>

#include "leak_events.hpp"
#include "task_registry.hpp"
#include "timer_service.hpp"
#include "timer_state.hpp"

namespace tether::detail {
namespace {

using leak::clock;

/// What one pass saw of one record.
struct observation {
  std::uint64_t epoch = 0;
  task_state state = task_state::running;
  block_description block; // while blocked or sleeping
  std::int64_t since_ns = 0;
  bool claimed = false;
  bool has_parker = false;
  const void *channel = nullptr; // the sole channel, if a plain send/receive
  const void *control = nullptr; // its shared_ptr control block
  long use_count = 0;

  [[nodiscard]] bool parked() const noexcept {
    return state == task_state::blocked && !claimed;
  }
};

/// shared_ptr is {T*, control*} in libstdc++ and libc++; checked once, and
/// the definite check stays off if it is not so.
bool shared_ptr_layout_known() {
  static const bool known = [] {
    auto probe = std::make_shared<int>(1);
    const void *words[2];
    static_assert(sizeof(probe) == sizeof(words));
    std::memcpy(words, static_cast<const void *>(&probe), sizeof(words));
    return words[0] == probe.get() && words[1] != nullptr;
  }();
  return known;
}

using channel_map = std::unordered_map<const void *, const void *>;
using count_map = std::unordered_map<const void *, long>;

void count_closure_handles(const task_record &r, const channel_map &wanted,
                           count_map &found);

/// Reads `r` under its inspect lock; the caller has raised `inspections`.
/// If `r` is a task parked on a sole channel, also counts the handles of the
/// `wanted` channels in its closure (it cannot change while we hold the lock).
observation observe(task_record &r, const channel_map *wanted = nullptr,
                    count_map *found = nullptr) {
  observation seen;
  std::lock_guard lock(r.inspect_mutex);
  const std::uint64_t status = r.status.load(std::memory_order_seq_cst);
  seen.state = status_state(status);
  seen.epoch = status_epoch(status);
  if (seen.state == task_state::running)
    return seen;
  seen.block = *r.block.load(std::memory_order_relaxed);
  seen.since_ns = r.blocked_since_ns.load(std::memory_order_relaxed);
  if (seen.state != task_state::blocked)
    return seen;
  if (const parker *p = seen.block.waiting) {
    seen.has_parker = true;
    seen.claimed = p->winner() != -1;
  }
  const void *handle = seen.block.sole_handle;
  use_count_fn count = seen.block.sole_use_count;
  if (handle && count && shared_ptr_layout_known()) {
    const void *words[2];
    std::memcpy(words, handle, sizeof(words));
    seen.channel = words[0];
    seen.control = words[1];
    seen.use_count = count(handle);
    if (wanted && r.is_task)
      count_closure_handles(r, *wanted, *found);
  }
  return seen;
}

/// How many (channel, control block) pairs of `wanted` lie in the closure.
void count_closure_handles(const task_record &r, const channel_map &wanted,
                           count_map &found) {
  if (!r.closure || r.closure_size < 2 * sizeof(void *))
    return;
  const auto *bytes = static_cast<const unsigned char *>(r.closure);
  // Closures are at least pointer-aligned when they hold a handle.
  if (reinterpret_cast<std::uintptr_t>(bytes) % alignof(void *) != 0)
    return;
  for (std::size_t at = 0; at + 2 * sizeof(void *) <= r.closure_size;
       at += sizeof(void *)) {
    const void *words[2];
    std::memcpy(words, bytes + at, sizeof(words));
    auto hit = wanted.find(words[0]);
    if (hit != wanted.end() && hit->second == words[1])
      ++found[words[0]];
  }
}

/// Remembers when the detector first saw a running task in a given state,
/// for tasks whose last progress time is only a lower bound.
class progress_table {
public:
  /// `epoch` is the count in the record's status when it was seen running.
  clock::duration without_progress(const task_record &r, std::uint64_t epoch,
                                   std::int64_t now_ns) {
    const std::int64_t progress =
        r.last_progress_ns.load(std::memory_order_relaxed);
    // Exact when it never blocked, or checked its context since it last did;
    // otherwise its last block ended at some unknown time after it began.
    if (epoch == 0 ||
        progress > r.blocked_since_ns.load(std::memory_order_relaxed))
      return std::chrono::nanoseconds(now_ns - progress);
    std::lock_guard lock(mutex_);
    auto [entry, added] = seen_.try_emplace(r.id, entry_t{epoch, now_ns});
    if (!added && entry->second.epoch != epoch)
      entry->second = {epoch, now_ns};
    return std::chrono::nanoseconds(now_ns - entry->second.first_seen);
  }

  void forget_except(const std::unordered_set<std::uint64_t> &alive) {
    std::lock_guard lock(mutex_);
    std::erase_if(seen_,
                  [&](const auto &e) { return !alive.contains(e.first); });
  }

private:
  struct entry_t {
    std::uint64_t epoch;
    std::int64_t first_seen;
  };
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, entry_t> seen_;
};

progress_table &progress() {
  static auto *table = new progress_table;
  return *table;
}

leak::task_state public_state(task_state s) {
  switch (s) {
  case task_state::blocked:
    return leak::task_state::blocked;
  case task_state::sleeping:
    return leak::task_state::sleeping;
  case task_state::running:
    break;
  }
  return leak::task_state::running;
}

/// `seen` is the last observation of `r`.
leak::task_info describe(const task_record &r, const observation &seen,
                         std::int64_t now_ns, const leak::options &opts) {
  leak::task_info info;
  info.id = r.id;
  info.name = r.name;
  info.is_task = r.is_task;
  info.spawn_site = r.spawn_site;
  info.state = public_state(seen.state);
  if (info.state == leak::task_state::running) {
    info.duration = clock::now() - r.spawned_at;
    if (r.is_task) {
      info.without_progress =
          progress().without_progress(r, seen.epoch, now_ns);
      info.possible_loop = info.without_progress >= opts.loop_threshold;
    }
    return info;
  }
  info.blocked_on = std::string(to_string(seen.block.kind));
  if (seen.block.type)
    info.blocked_on = std::string(seen.block.type) + " " + info.blocked_on;
  info.block_site = seen.block.site;
  info.duration = std::chrono::nanoseconds(now_ns - seen.since_ns);
  return info;
}

void add_tickers(leak::report &out, const leak::options &opts,
                 std::int64_t now_ns) {
  for_each_ticker([&](std::uint64_t id, timer_state &ticker) {
    std::lock_guard lock(ticker.mutex);
    if (!ticker.active)
      return;
    const auto unread = std::chrono::nanoseconds(
        now_ns - ticker.last_delivered_ns.load(std::memory_order_relaxed));
    const auto dropped = ticker.dropped_ticks.load(std::memory_order_relaxed);
    if (unread < opts.ticker_idle || dropped == 0)
      return;
    out.tickers.push_back({id, ticker.site, ticker.period, unread, dropped});
  });
  std::sort(out.tickers.begin(), out.tickers.end(),
            [](const auto &a, const auto &b) { return a.id < b.id; });
}

} // namespace

bool all_records_blocked() {
  bool all = true;
  bool any = false;
  task_registry::instance().for_each([&](const task_record &r) {
    any = true;
    all = all && status_state(r.status.load(std::memory_order_relaxed)) ==
                     task_state::blocked;
  });
  return any && all;
}

leak::report scan(const leak::options &opts) {
  leak::report out;
  auto &registry = task_registry::instance();
  auto &timers = timer_service::instance();
  const auto timers_before = timers.current_activity();

  struct entry {
    task_record *record; // not to be followed once the registry lock is gone
    bool is_task;
    observation first, second;
    count_map closure_handles;
  };
  std::vector<entry> entries;
  std::int64_t now_ns = 0;

  std::unordered_set<std::uint64_t> alive;
  std::unordered_map<const task_record *, leak::task_info> described;
  inspections.fetch_add(1, std::memory_order_seq_cst);
  detector_fence();
  // Both passes under one registry lock hold: no record comes or goes.
  registry.with_all([&](live_records &live) {
    for (task_record &r : live)
      entries.push_back({&r, r.is_task, observe(r), {}, {}});
    // The second pass also counts candidates' handles in closures.
    channel_map wanted;
    for (const auto &e : entries)
      if (e.first.channel)
        wanted.emplace(e.first.channel, e.first.control);
    for (auto &e : entries)
      e.second = observe(*e.record, &wanted, &e.closure_handles);
    // The precise clock: tasks stamp their records with a time it has read.
    now_ns = precise_now_ns();
    for (const auto &e : entries) {
      described.emplace(e.record, describe(*e.record, e.second, now_ns, opts));
      alive.insert(e.record->id);
    }
  });
  inspections.fetch_sub(1, std::memory_order_seq_cst);
  progress().forget_except(alive);
  const auto timers_after = timers.current_activity();

  // Stable: parked and unclaimed in both passes, in the same blocked scope.
  auto stable = [](const entry &e) {
    return e.first.parked() && e.second.parked() &&
           e.first.epoch == e.second.epoch;
  };

  // Definite leaks: the greatest set D of stable tasks on a sole channel
  // whose every handle lies in closures of tasks in D.
  std::unordered_set<const entry *> dead;
  for (const auto &e : entries)
    if (e.is_task && stable(e) && e.second.channel &&
        e.first.channel == e.second.channel &&
        e.first.use_count == e.second.use_count)
      dead.insert(&e);
  for (bool changed = true; changed;) {
    changed = false;
    std::unordered_map<const void *, long> in_dead;
    for (const entry *e : dead)
      for (const auto &[channel, n] : e->closure_handles)
        in_dead[channel] += n;
    std::erase_if(dead, [&](const entry *e) {
      const bool reachable = e->second.use_count > in_dead[e->second.channel];
      changed = changed || reachable;
      return reachable;
    });
  }
  // Blocked on the nil channel (or `select()` with no case): the only
  // blocked scopes without a parker; nothing can ever wake them.
  for (const auto &e : entries)
    if (e.is_task && stable(e) && !e.second.has_parker &&
        (e.second.block.kind == block_kind::chan_send ||
         e.second.block.kind == block_kind::chan_recv ||
         e.second.block.kind == block_kind::select))
      dead.insert(&e);

  // Global deadlock: every record parked throughout, at least one of them a
  // plain thread (tasks alone may wait for a thread the runtime never saw),
  // and no timer pending or fired between the passes.
  bool any_thread = false;
  bool all_parked = !entries.empty();
  for (const auto &e : entries) {
    any_thread = any_thread || !e.is_task;
    all_parked = all_parked && stable(e);
  }
  out.global_deadlock = all_parked && any_thread && timers_before.idle &&
                        timers_after.idle &&
                        timers_before.fired == timers_after.fired;

  for (const auto &e : entries) {
    auto found = described.find(e.record);
    if (found == described.end())
      continue;
    leak::task_info info = found->second;
    info.definite = dead.contains(&e);
    if (!e.is_task) {
      if (info.state == leak::task_state::blocked)
        out.blocked_threads.push_back(std::move(info));
      continue;
    }
    out.tasks.push_back(std::move(info));
  }
  auto by_id = [](const auto &a, const auto &b) { return a.id < b.id; };
  std::sort(out.tasks.begin(), out.tasks.end(), by_id);
  std::sort(out.blocked_threads.begin(), out.blocked_threads.end(), by_id);

  add_tickers(out, opts, now_ns);
  for (const auto &cancel : dropped_cancels_after(0))
    out.dropped_cancels.push_back({cancel.sequence, cancel.site, cancel.when});
  return out;
}

} // namespace tether::detail
