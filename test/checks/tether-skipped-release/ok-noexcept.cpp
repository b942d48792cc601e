// RUN: %check_tether %s tether-skipped-release %t

// A noexcept function: an exception from the callback terminates the
// program, it cannot leave the flag set behind a live waiter.
#include <atomic>
#include <functional>
#include <thread>

class Worker {
public:
  void run(const std::function<void()> &job) noexcept {
    busy_ = true;
    job();
    busy_ = false;
  }

  void drain() {
    while (busy_)
      std::this_thread::yield();
  }

private:
  std::atomic<bool> busy_{false};
};
