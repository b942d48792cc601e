// RUN: %check_tether %s tether-loop-without-exit %t

// The same data race through a lambda that captures `this`.
#include <tether/tether.hpp>

void poll_devices();

class Poller {
public:
  void start() {
    tether::go([this] {
      while (!stop_) {
        // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: loop's only exit condition 'stop_' is a plain bool shared with another thread: a data race, and the compiler may hoist the read so that the loop never stops [tether-loop-without-exit]
        poll_devices();
      }
    });
  }
  void shutdown() { stop_ = true; }

private:
  bool stop_ = false;
};
