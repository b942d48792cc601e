// RUN: %check_tether %s tether-skipped-release %t

// Every return clears the flag first (the fix of the early-return shape).
#include <atomic>
#include <chrono>
#include <thread>

class Worker {
public:
  void run(bool cancelled) {
    busy_ = true;
    if (cancelled) {
      busy_ = false;
      return;
    }
    work();
    busy_ = false;
  }

  void drain() {
    while (busy_)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

private:
  void work();
  std::atomic<bool> busy_{false};
};
