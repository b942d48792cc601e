// One thread that fires every runtime timer at its time, as Go's runtime
// timers: callbacks must not block (they try_send, close or cancel).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace tether::detail {

class timer_service {
public:
  using time_point = std::chrono::steady_clock::time_point;

  static timer_service &instance();

  /// Calls `fire` on the timer thread at `when`; returns an id for cancel().
  [[nodiscard]] std::uint64_t schedule(time_point when,
                                       std::function<void()> fire);
  /// True if the timer was still pending and will now never fire.
  bool cancel(std::uint64_t id);

  /// For the global deadlock check: whether any timer is pending or firing,
  /// and how many firings have started so far (a change means activity).
  struct activity {
    bool idle;
    std::uint64_t fired;
  };
  [[nodiscard]] activity current_activity();

private:
  timer_service();
  void run();

  using key = std::pair<time_point, std::uint64_t>;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<key, std::function<void()>> pending_;
  std::unordered_map<std::uint64_t, time_point> when_;
  std::uint64_t next_id_ = 1;
  std::uint64_t fired_ = 0; // firings started
  bool firing_ = false;     // a callback runs outside the lock
};

} // namespace tether::detail
