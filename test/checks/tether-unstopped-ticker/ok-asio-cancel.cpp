// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The fixed heartbeat: stop() cancels the timer, and the handler does not
// re-arm when it runs because of the cancellation, nor after stop() when its
// wait had already completed (cancel() cannot abort a handler that is
// already queued: it then runs with success). A one-shot wait that does not
// re-arm is no ticker at all.
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
      if (ec == asio::error::operation_aborted || stopped_)
        return;
      ++beats_;
      start();
    });
  }
  void stop() {
    stopped_ = true;
    timer_.cancel();
  }

private:
  asio::steady_timer timer_;
  bool stopped_ = false;
  int beats_ = 0;
};

void once(asio::io_context &io) {
  auto timer = std::make_shared<asio::steady_timer>(io, 10ms);
  timer->async_wait([timer](const asio::error_code &) { std::puts("once"); });
}

#ifdef RUNTIME_TWIN
int main() {
  asio::io_context io;
  heartbeat beat(io);
  beat.start();
  asio::steady_timer stopper(io, 50ms);
  stopper.async_wait([&](const asio::error_code &) { beat.stop(); });
  once(io);
  io.run(); // returns: nothing is left to run
  // RUNTIME: once
  // RUNTIME: io_context finished
  std::puts("io_context finished");
  return 0;
}
#endif
