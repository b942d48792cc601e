// RUN: %check_tether %s tether-loop-without-exit %t

// std::async: the future's destructor waits for a task that never ends.
#include <future>

void refresh_cache();

void start_refresher() {
  auto done = std::async(std::launch::async, [] {
    for (;;)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      refresh_cache();
  });
}
