// RUN: %check_tether %s tether-unstopped-ticker %t

// A chain of re-arms that some state ends is a loop with an exit, not a
// ticker: a stop token checked before re-arming, a countdown. Only a check
// of the handler's own error code does not count (cancel() is what sets it).
// Both shapes come from the real-code corpus (bench/realcode).
#include <asio.hpp>

#include <atomic>
#include <chrono>
#include <stop_token>

class heartbeat {
public:
  heartbeat(asio::io_context &io, std::stop_token stop)
      : timer_(io), stop_(std::move(stop)) {
    arm();
  }

private:
  void arm() {
    if (stop_.stop_requested())
      return;
    timer_.expires_after(std::chrono::milliseconds(100));
    timer_.async_wait([this](const asio::error_code &error) {
      if (!error)
        arm();
    });
  }
  asio::steady_timer timer_;
  std::stop_token stop_;
};

void countdown(asio::steady_timer &timer, std::atomic<int> &left) {
  timer.expires_after(std::chrono::milliseconds(10));
  timer.async_wait([&](const asio::error_code &ec) {
    if (!ec && --left > 0)
      countdown(timer, left);
  });
}
