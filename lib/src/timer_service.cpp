#include "timer_service.hpp"
#include "thread_registry.hpp"

#include <thread>

namespace tether::detail {

timer_service &timer_service::instance() {
  static auto *service = new timer_service; // its thread never stops
  return *service;
}

timer_service::timer_service() {
  const runtime_thread_scope ours; // never reported as a leak
  std::thread([this] { run(); }).detach();
}

std::uint64_t timer_service::schedule(time_point when,
                                      std::function<void()> fire) {
  std::uint64_t id;
  bool earliest;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    pending_.emplace(key{when, id}, std::move(fire));
    when_.emplace(id, when);
    earliest = pending_.begin()->first.second == id;
  }
  if (earliest)
    changed_.notify_one();
  return id;
}

bool timer_service::cancel(std::uint64_t id) {
  std::function<void()> cancelled; // destroyed outside the lock
  std::lock_guard lock(mutex_);
  auto found = when_.find(id);
  if (found == when_.end())
    return false;
  auto entry = pending_.find(key{found->second, id});
  cancelled = std::move(entry->second);
  pending_.erase(entry);
  when_.erase(found);
  return true;
}

timer_service::activity timer_service::current_activity() {
  std::lock_guard lock(mutex_);
  return {pending_.empty() && !firing_, fired_};
}

void timer_service::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (pending_.empty()) {
      changed_.wait(lock);
      continue;
    }
    auto first = pending_.begin();
    if (first->first.first > std::chrono::steady_clock::now()) {
      // A copy: the wait reads the time again after it has released the
      // lock, when a cancel may have erased the node it lives in.
      const time_point due = first->first.first;
      changed_.wait_until(lock, due);
      continue;
    }
    std::function<void()> fire = std::move(first->second);
    when_.erase(first->first.second);
    pending_.erase(first);
    ++fired_;
    firing_ = true;
    lock.unlock();
    fire();
    fire = nullptr;
    lock.lock();
    firing_ = false;
  }
}

} // namespace tether::detail
