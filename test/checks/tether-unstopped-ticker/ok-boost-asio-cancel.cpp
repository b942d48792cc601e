// RUN: %check_tether %s tether-unstopped-ticker %t

// Boost.Asio timers and signal sets that a stop cancels. Silent.
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
      if (ec == boost::asio::error::operation_aborted)
        return;
      start();
    });
  }
  void stop() { timer_.cancel(); }

private:
  boost::asio::steady_timer timer_;
};

struct server {
  void reload();
  void stop();
  std::shared_ptr<boost::asio::signal_set> signals;
};

void await_hangup(std::shared_ptr<boost::asio::signal_set> const &signals,
                  server &owner) {
  signals->async_wait(
      [signals, &owner](boost::system::error_code const &ec, int) {
        if (ec != boost::asio::error::operation_aborted) {
          owner.reload();
          await_hangup(signals, owner);
        }
      });
}

void server::stop() {
  if (signals)
    signals->cancel();
}
