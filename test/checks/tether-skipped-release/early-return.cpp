// RUN: %check_tether %s tether-skipped-release %t

// A flag another thread polls for is set and cleared by run(), and an early
// return skips the clear: drain() spins forever.
#include <atomic>
#include <chrono>
#include <thread>

class Worker {
public:
  void run(bool cancelled) {
    busy_ = true;
    if (cancelled)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: return skips the release of 'busy_' that 'run' makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
    work();
    busy_ = false;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'busy_' is released here
  }

  void drain() {
    while (busy_)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

private:
  void work();
  std::atomic<bool> busy_{false};
};
