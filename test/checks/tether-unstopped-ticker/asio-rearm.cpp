// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Debian's libasio-dev: a steady_timer whose handler re-arms it is asio's
// ticker. With no path to cancel(), it repeats forever and io_context::run()
// never returns. Asio is known by default, like the standard library.
#include <asio.hpp>

#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;

class heartbeat {
public:
  explicit heartbeat(asio::io_context &io) : timer_(io) {}

  void start() {
    timer_.expires_after(10ms);
    timer_.async_wait([this](const asio::error_code &ec) {
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'async_wait' re-arms 'timer_' from its own handler and nothing ever stops it; the timer repeats forever [tether-unstopped-ticker]
      if (ec)
        return;
      ++beats_;
      start();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: re-armed here
    });
  }

  int beats() const { return beats_; }

private:
  asio::steady_timer timer_;
  int beats_ = 0;
};

#ifdef RUNTIME_TWIN
// The runtime twin: run() is still busy when the deadline comes.
int main() {
  asio::io_context io;
  heartbeat beat(io);
  beat.start();
  io.run_for(100ms);
  // RUNTIME: io_context still busy: 1
  std::printf("io_context still busy: %d\n", io.stopped() ? 0 : 1);
  return 0;
}
#endif
