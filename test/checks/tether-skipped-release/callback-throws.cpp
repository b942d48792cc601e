// RUN: %check_tether %s tether-skipped-release %t

// An event loop sets `looping_`, runs callbacks that may throw, and clears
// it after the loop; the destructor spins until it is clear. An exception
// from a callback leaves it set and the destructor hangs.
#include <atomic>
#include <functional>
#include <time.h>
#include <vector>

class Loop {
public:
  ~Loop() {
    quit_ = true;
    timespec delay = {0, 1000000};
    while (looping_.load(std::memory_order_acquire))
      nanosleep(&delay, nullptr);
  }

  void loop() {
    looping_.store(true, std::memory_order_release);
    while (!quit_.load()) {
      runPending();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: exception from this call skips the release of 'looping_' that 'loop' makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
    }
    looping_.store(false, std::memory_order_release);
  }

private:
  void runPending() {
    for (auto &Fn : pending_)
      Fn();
  }
  std::vector<std::function<void()>> pending_;
  std::atomic<bool> looping_{false};
  std::atomic<bool> quit_{false};
};
