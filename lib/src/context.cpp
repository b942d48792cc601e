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

cancel_record::~cancel_record() {
  if (!called.load(std::memory_order_acquire) &&
      !context->cancelled.load(std::memory_order_acquire))
    record_dropped_cancel(site);
}

void cancel_tree(const std::shared_ptr<context_state> &root,
                 std::error_code error, bool detach_from_parent) {
  if (detach_from_parent && root->parent) {
    std::lock_guard lock(root->parent->mutex);
    root->parent->children.erase(root.get());
  }
  std::vector<std::shared_ptr<context_state>> pending{root};
  while (!pending.empty()) {
    std::shared_ptr<context_state> state = std::move(pending.back());
    pending.pop_back();
    decltype(state->children) children;
    std::uint64_t timer_id;
    {
      std::lock_guard lock(state->mutex);
      if (state->error)
        continue;
      state->error = error;
      state->cancelled.store(true, std::memory_order_release);
      children.swap(state->children);
      timer_id = state->timer_id;
    }
    if (timer_id)
      timer_service::instance().cancel(timer_id);
    state->done.close();
    state->stop.request_stop();
    for (auto &entry : children)
      pending.push_back(std::move(entry.second));
  }
}

namespace {

/// A new child of `parent`, registered so that the parent's cancellation
/// reaches it (at once if the parent is already cancelled).
std::shared_ptr<context_state> make_child(const context &parent,
                                          std::source_location site) {
  auto child = std::make_shared<context_state>();
  child->site = site;
  const auto &parent_state = parent.state();
  if (!parent_state)
    return child;
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
    cancel_tree(child, parent_error, false);
  return child;
}

std::pair<context, cancel_func> pair_for(std::shared_ptr<context_state> state,
                                         std::source_location site) {
  auto record = std::make_shared<cancel_record>(state, site);
  return {context(std::move(state)), cancel_func(std::move(record))};
}

} // namespace
} // namespace detail

recv_chan<std::monostate> context::done() const {
  if (!state_)
    return {};
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
  return state_ ? state_->stop.get_token() : std::stop_token();
}

void cancel_func::operator()() const {
  if (!record_)
    return;
  record_->called.store(true, std::memory_order_release);
  detail::cancel_tree(record_->context, errc::canceled, true);
}

std::pair<context, cancel_func> with_cancel(const context &parent,
                                            std::source_location site) {
  return detail::pair_for(detail::make_child(parent, site), site);
}

std::pair<context, cancel_func>
with_deadline(const context &parent,
              std::chrono::steady_clock::time_point deadline,
              std::source_location site) {
  if (auto parent_deadline = parent.deadline();
      parent_deadline && *parent_deadline <= deadline)
    return with_cancel(parent, site); // the parent ends first anyway
  auto child = detail::make_child(parent, site);
  std::weak_ptr<detail::context_state> weak = child;
  {
    std::lock_guard lock(child->mutex);
    child->deadline = deadline;
  }
  if (std::chrono::steady_clock::now() >= deadline) {
    detail::cancel_tree(child, errc::deadline_exceeded, true);
  } else {
    const auto id =
        detail::timer_service::instance().schedule(deadline, [weak] {
          if (auto state = weak.lock())
            detail::cancel_tree(state, errc::deadline_exceeded, true);
        });
    std::unique_lock lock(child->mutex);
    child->timer_id = id;
    if (child->error) { // cancelled before the id was stored
      lock.unlock();
      detail::timer_service::instance().cancel(id);
    }
  }
  return detail::pair_for(std::move(child), site);
}

std::pair<context, cancel_func>
with_timeout(const context &parent, std::chrono::steady_clock::duration timeout,
             std::source_location site) {
  return with_deadline(parent, std::chrono::steady_clock::now() + timeout,
                       site);
}

} // namespace tether
