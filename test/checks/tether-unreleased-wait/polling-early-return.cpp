// RUN: %check_tether %s tether-unreleased-wait %t

// A polling wait on `done_`; the only function that sets it returns early on
// failure without setting it.
#include <atomic>
#include <chrono>
#include <thread>

class Server {
public:
  bool listen(int port) {
    if (!bind(port))
      return false;
    done_ = true;
    return true;
  }

  void wait_until_ready() const {
    while (!done_)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: polling wait for 'done_' has no deadline, and 'listen' can leave without releasing it [tether-unreleased-wait]
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

private:
  bool bind(int port);
  std::atomic<bool> done_{false};
};
