#include <tether/context.hpp>

#include <vector>

#include "context_state.hpp"
#include "leak_events.hpp"
#include "timer_service.hpp"

namespace tether {
namespace detail {

context_state::~context_state() {
  // Release a long chain of ancestors iteratively, not by recursion.
  std::shared_ptr<context_state> ancestor = std::move(parent);
  while (ancestor && ancestor.use_count() == 1) {
    std::shared_ptr<context_state> next = std::move(ancestor->parent);
    ancestor = std::move(next);
  }
}

void cancel_record::release() noexcept {
  if (handles.fetch_sub(1, std::memory_order_acq_rel) != 1)
    return;
  if (!called.load(std::memory_order_acquire) &&
      !context.cancelled.load(std::memory_order_acquire))
    record_dropped_cancel(site);
}

namespace {

/// Cancels `state` alone; its children go to `pending`.
void cancel_one(context_state &state, std::error_code error,
                std::vector<std::shared_ptr<context_state>> &pending) {
  decltype(state.children) children;
  std::uint64_t timer_id;
  chan<std::monostate> done;
  std::stop_source stop{std::nostopstate};
  {
    std::lock_guard lock(state.mutex);
    if (state.error)
      return;
    state.error = error;
    state.cancelled.store(true, std::memory_order_release);
    children.swap(state.children);
    timer_id = state.timer_id;
    // Whoever asks for these from now on gets them already closed/stopped.
    done = state.done;
    stop = state.stop;
  }
  if (timer_id)
    timer_service::instance().cancel(timer_id);
  if (done)
    done.close();
  stop.request_stop(); // nothing without a stop state
  for (auto &entry : children)
    pending.push_back(std::move(entry.second));
}

/// The done channel of every context cancelled before anyone asked for it.
const chan<std::monostate> &closed_done() {
  static const chan<std::monostate> closed = [] {
    auto ch = make_chan<std::monostate>();
    ch.close();
    return ch;
  }();
  return closed;
}

} // namespace

void cancel_tree(context_state &root, std::error_code error,
                 bool detach_from_parent) {
  if (detach_from_parent && root.parent) {
    std::lock_guard lock(root.parent->mutex);
    root.parent->children.erase(&root);
  }
  // No allocation for a context without children (the common case).
  std::vector<std::shared_ptr<context_state>> pending;
  cancel_one(root, error, pending);
  while (!pending.empty()) {
    std::shared_ptr<context_state> state = std::move(pending.back());
    pending.pop_back();
    cancel_one(*state, error, pending);
  }
}

namespace {

/// The state of `both`, sharing its ownership.
std::shared_ptr<context_state>
state_of(const std::shared_ptr<cancellable_context> &both) {
  return {both, &both->state};
}

/// A new child of `parent`, registered so that the parent's cancellation
/// reaches it (at once if the parent is already cancelled).
std::shared_ptr<cancellable_context> make_child(const context &parent,
                                                std::source_location site) {
  auto both = std::make_shared<cancellable_context>(site);
  const auto &parent_state = parent.state();
  if (!parent_state)
    return both;
  const auto child = state_of(both);
  child->parent = parent_state;
  std::error_code parent_error;
  {
    std::lock_guard lock(parent_state->mutex);
    child->deadline = parent_state->deadline;
    if (parent_state->error)
      parent_error = parent_state->error;
    else
      parent_state->children.emplace(child.get(), child);
  }
  if (parent_error)
    cancel_tree(*child, parent_error, false);
  return both;
}

/// The context of `both` and its cancel function, which takes over `both`'s
/// ownership (each change of a shared count is an atomic operation).
std::pair<context, cancel_func>
pair_for(std::shared_ptr<cancellable_context> both) {
  context ctx(state_of(both));
  cancel_record *record = &both->record;
  return {std::move(ctx),
          cancel_func(std::shared_ptr<cancel_record>(std::move(both), record))};
}

} // namespace
} // namespace detail

recv_chan<std::monostate> context::done() const {
  if (!state_)
    return {};
  if (state_->cancelled.load(std::memory_order_acquire))
    return detail::closed_done();
  std::lock_guard lock(state_->mutex);
  if (state_->error)
    return detail::closed_done();
  if (!state_->done)
    state_->done = make_chan<std::monostate>();
  return state_->done;
}

std::error_code context::err() const {
  detail::note_progress();
  if (!state_ || !state_->cancelled.load(std::memory_order_acquire))
    return {};
  std::lock_guard lock(state_->mutex);
  return state_->error;
}

std::optional<std::chrono::steady_clock::time_point> context::deadline() const {
  if (!state_)
    return std::nullopt;
  std::lock_guard lock(state_->mutex);
  return state_->deadline;
}

std::stop_token context::stop_token() const {
  if (!state_)
    return {};
  std::lock_guard lock(state_->mutex);
  if (!state_->stop.stop_possible()) {
    state_->stop = std::stop_source();
    if (state_->error) // cancelled before anyone asked
      state_->stop.request_stop();
  }
  return state_->stop.get_token();
}

cancel_func::cancel_func(std::shared_ptr<detail::cancel_record> record) noexcept
    : record_(std::move(record)) {} // adopts the handle the record counts

cancel_func::cancel_func(const cancel_func &other) noexcept
    : record_(other.record_) {
  if (record_)
    record_->handles.fetch_add(1, std::memory_order_relaxed);
}

cancel_func::~cancel_func() {
  if (record_)
    record_->release();
}

void cancel_func::operator()() const {
  if (!record_)
    return;
  record_->called.store(true, std::memory_order_release);
  // record_ owns the state too: the record shares its allocation.
  detail::cancel_tree(record_->context, errc::canceled, true);
}

std::pair<context, cancel_func> with_cancel(const context &parent,
                                            std::source_location site) {
  return detail::pair_for(detail::make_child(parent, site));
}

std::pair<context, cancel_func>
with_deadline(const context &parent,
              std::chrono::steady_clock::time_point deadline,
              std::source_location site) {
  if (auto parent_deadline = parent.deadline();
      parent_deadline && *parent_deadline <= deadline)
    return with_cancel(parent, site); // the parent ends first anyway
  auto both = detail::make_child(parent, site);
  const auto child = detail::state_of(both);
  std::weak_ptr<detail::context_state> weak = child;
  {
    std::lock_guard lock(child->mutex);
    child->deadline = deadline;
  }
  if (std::chrono::steady_clock::now() >= deadline) {
    detail::cancel_tree(*child, errc::deadline_exceeded, true);
  } else {
    const auto id =
        detail::timer_service::instance().schedule(deadline, [weak] {
          if (auto state = weak.lock())
            detail::cancel_tree(*state, errc::deadline_exceeded, true);
        });
    std::unique_lock lock(child->mutex);
    child->timer_id = id;
    if (child->error) { // cancelled before the id was stored
      lock.unlock();
      detail::timer_service::instance().cancel(id);
    }
  }
  return detail::pair_for(std::move(both));
}

std::pair<context, cancel_func>
with_timeout(const context &parent, std::chrono::steady_clock::duration timeout,
             std::source_location site) {
  return with_deadline(parent, std::chrono::steady_clock::now() + timeout,
                       site);
}

} // namespace tether
