// RUN: %check_tether %s tether-skipped-release %t

// The work runs in a try block whose handler clears the flag and rethrows.
#include <atomic>
#include <functional>
#include <thread>

class Worker {
public:
  void run(const std::function<void()> &job) {
    busy_ = true;
    try {
      job();
    } catch (...) {
      busy_ = false;
      throw;
    }
    busy_ = false;
  }

  void drain() {
    while (busy_)
      std::this_thread::yield();
  }

private:
  std::atomic<bool> busy_{false};
};
