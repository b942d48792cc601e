// A scheduler in the style of many event-loop libraries: run_every starts a
// repeating timer and returns its id; cancel(id) stops it. Only the
// declarations: the static tests do not link.
#pragma once

#include <chrono>
#include <functional>

namespace evloop {

using timer_id = unsigned long;

class scheduler {
public:
  timer_id run_every(std::chrono::milliseconds period, std::function<void()> fn);
  timer_id run_after(std::chrono::milliseconds delay, std::function<void()> fn);
  void cancel(timer_id id);
};

} // namespace evloop
