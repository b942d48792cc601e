// RUN: %check_tether --allow-errors %s tether-unstopped-ticker %t -- -- -isystem %S/Inputs

// The unguarded re-arm of boost-asio-rearm-unguarded.cpp in a system header
// (silent), and mid-edit: a branch on state that does not compile is still
// a branch that does not decide the re-arm; a broken condition that the
// re-arm lies under may read state (silent); a re-arm that does not compile
// is not one.
#include <system_signal_rearm.h>

#include <memory>

void await_broken_log(std::shared_ptr<boost::asio::signal_set> const &signals) {
  signals->async_wait([signals](boost::system::error_code const &ec, int) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'async_wait' re-arms 'signals' from its own handler and nothing ever stops it; the timer repeats forever [tether-unstopped-ticker]
    if (undeclared_reload())
      undeclared_log("reloaded");
    await_broken_log(signals);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: re-armed here
  });
}

void await_broken_rearm(std::shared_ptr<boost::asio::signal_set> const &signals) {
  signals->async_wait([signals](boost::system::error_code const &, int) {
    await_broken_rearm(signals, extra_argument);
  });
}

void await_broken_guard(std::shared_ptr<boost::asio::signal_set> const &signals) {
  signals->async_wait([signals](boost::system::error_code const &, int) {
    if (undeclared_running)
      await_broken_guard(signals);
  });
}
