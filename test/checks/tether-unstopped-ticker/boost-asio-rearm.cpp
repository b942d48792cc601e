// RUN: %check_tether %s tether-unstopped-ticker %t

// Boost.Asio is known by default too: a steady or system timer, or a signal
// set, re-armed from its own handler and never cancelled.
#include <boost/asio.hpp>

#include <chrono>
#include <memory>

using namespace std::chrono_literals;

class heartbeat {
public:
  explicit heartbeat(boost::asio::io_context &io) : timer_(io) {}

  void start() {
    timer_.expires_after(1s);
    timer_.async_wait([this](const boost::system::error_code &ec) {
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'async_wait' re-arms 'timer_' from its own handler and nothing ever stops it; the timer repeats forever [tether-unstopped-ticker]
      if (ec)
        return;
      start();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: re-armed here
    });
  }

private:
  boost::asio::steady_timer timer_;
};

class clock_sampler {
public:
  explicit clock_sampler(boost::asio::io_context &io) : timer_(io) {}

  void arm() {
    timer_.expires_after(1s);
    timer_.async_wait([this](const boost::system::error_code &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'async_wait' re-arms 'timer_'
      timer_.expires_after(1s);
      timer_.async_wait([](const boost::system::error_code &) {});
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: re-armed here
    });
  }

private:
  boost::asio::system_timer timer_;
};

struct server {
  void reload();
};

// A signal set re-armed from its own handler, kept alive by it and never
// cancelled (nano-node's SIGHUP handler before its fix).
void await_hangup(std::shared_ptr<boost::asio::signal_set> const &signals,
                  server &owner) {
  signals->async_wait([signals, &owner](boost::system::error_code const &ec,
                                        int) {
    // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: 'async_wait' re-arms 'signals' from its own handler and nothing ever stops it
    if (ec != boost::asio::error::operation_aborted) {
      owner.reload();
      await_hangup(signals, owner);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: re-armed here
    }
  });
}
