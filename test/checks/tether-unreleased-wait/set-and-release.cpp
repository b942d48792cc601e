// RUN: %check_tether %s tether-unreleased-wait %t

// Alone (tether-skipped-release disabled), the check reports the wait of a
// flag that its releaser sets and releases on some paths only.
#include <atomic>
#include <chrono>
#include <thread>

class Worker {
public:
  void run(bool cancelled) {
    busy_ = true;
    if (cancelled)
      return;
    busy_ = false;
  }
  void drain() {
    while (busy_)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: polling wait for 'busy_' has no deadline, and 'run' can leave without releasing it [tether-unreleased-wait]
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

private:
  std::atomic<bool> busy_{false};
};
