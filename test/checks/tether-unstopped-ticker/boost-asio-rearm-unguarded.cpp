// RUN: %check_tether %s tether-unstopped-ticker %t

// A branch on state that does not decide the re-arm leaves the chain
// unconditional: the handler logs whether a reload worked, then re-arms in
// any case (nano-node's SIGHUP handler reloaded its access configuration and
// printed the outcome before re-arming); an arming function counts items in
// a loop before arming. Only a condition that the re-arm lies under, or one
// that can leave before it, ends the chain (ok-asio-guarded-rearm.cpp).
#include <boost/asio.hpp>

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

void await_reload(std::shared_ptr<boost::asio::signal_set> const &signals,
                  config_server &server) {
  signals->async_wait([signals, &server](boost::system::error_code const &ec,
                                         int) {
    // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: 'async_wait' re-arms 'signals' from its own handler and nothing ever stops it; the timer repeats forever [tether-unstopped-ticker]
    if (ec != boost::asio::error::operation_aborted) {
      auto failed = server.reload();
      if (!failed)
        server.log("reloaded");
      await_reload(signals, server);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: note: re-armed here
    }
  });
}

class sampler {
public:
  explicit sampler(boost::asio::io_context &io) : timer_(io) {}

  void sample() {
    for (int value : pending_)
      total_ += value;
    pending_.clear();
    timer_.expires_after(1s);
    timer_.async_wait([this](boost::system::error_code const &) { sample(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'async_wait' re-arms 'timer_' from its own handler and nothing ever stops it; the timer repeats forever [tether-unstopped-ticker]
    // CHECK-MESSAGES: :[[@LINE-2]]:67: note: re-armed here
  }

private:
  boost::asio::steady_timer timer_;
  std::vector<int> pending_;
  long total_ = 0;
};

// The same chain in a class template is not reported (a known limit of
// rule 6): in the template the handler is a dependent lambda and its calls
// are resolved only per instantiation, which the check does not visit.
template <class Log> class ticking_logger {
public:
  explicit ticking_logger(boost::asio::io_context &io) : timer_(io) {}

  void arm() {
    timer_.expires_after(1s);
    timer_.async_wait([this](boost::system::error_code const &) {
      if (verbose_)
        log_.write("tick");
      arm();
    });
  }

private:
  boost::asio::steady_timer timer_;
  Log log_;
  bool verbose_ = false;
};

// From a macro.
#define REARM_ON_SIGNAL(set, fn) set->async_wait([set](boost::system::error_code const &, int) { fn(set); })

void on_signal(std::shared_ptr<boost::asio::signal_set> const &signals) {
  REARM_ON_SIGNAL(signals, on_signal);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_wait' re-arms 'signals'
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: re-armed here
}

void on_signal_quietly(std::shared_ptr<boost::asio::signal_set> const &signals) {
  signals->async_wait([signals](boost::system::error_code const &, int) { // NOLINT(tether-unstopped-ticker)
    on_signal_quietly(signals);
  });
}
