// RUN: %check_tether %s tether-unstopped-ticker %t

// Look-alikes of boost-asio-rearm-unguarded.cpp that are loops with an exit:
// the re-arm lies under a branch on state (the outcome of the work, a stop
// flag), or a branch on state before it can leave the handler or the arming
// function, also from a nested lambda that the handler posts.
#include <boost/asio.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

using namespace std::chrono_literals;

struct reload_error {
  explicit operator bool() const;
};

struct config_server {
  reload_error reload();
  void log(const char *);
};

// Re-armed only while reloading works.
void await_reload(std::shared_ptr<boost::asio::signal_set> const &signals,
                  config_server &server) {
  signals->async_wait(
      [signals, &server](boost::system::error_code const &ec, int) {
        if (ec)
          return;
        auto failed = server.reload();
        if (!failed)
          await_reload(signals, server);
      });
}

class poller {
public:
  explicit poller(boost::asio::io_context &io) : io_(io), timer_(io) {}
  void stop() { stopped_ = true; }

  // A stop flag checked before the re-arm, leaving the handler.
  void poll() {
    timer_.expires_after(1s);
    timer_.async_wait([this](boost::system::error_code const &) {
      if (stopped_)
        return;
      ++polls_;
      poll();
    });
  }

  // A stop flag checked in a loop before arming: the loop can leave the
  // arming function.
  void drain_then_arm() {
    for (int item : queue_) {
      if (stopped_)
        return;
      polls_ += item;
    }
    timer_.expires_after(1s);
    timer_.async_wait(
        [this](boost::system::error_code const &) { drain_then_arm(); });
  }

  // The re-arm is posted from a nested lambda, under a stop flag.
  void post_rearm() {
    timer_.expires_after(1s);
    timer_.async_wait([this](boost::system::error_code const &) {
      if (!stopped_)
        boost::asio::post(io_, [this] { post_rearm(); });
    });
  }

  // A switch on state decides the re-arm.
  void by_mode() {
    timer_.expires_after(1s);
    timer_.async_wait([this](boost::system::error_code const &) {
      switch (mode_) {
      case 0:
        by_mode();
        break;
      default:
        break;
      }
    });
  }

private:
  boost::asio::io_context &io_;
  boost::asio::steady_timer timer_;
  std::atomic<bool> stopped_{false};
  std::vector<int> queue_;
  int mode_ = 0;
  long polls_ = 0;
};
