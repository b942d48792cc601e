// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A std::stop_callback temporary registers and unregisters at once.
void on_stop(std::stop_token token) {
  std::stop_callback(token, [] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: std::stop_callback temporary is destroyed at the end of the statement: the callback is unregistered at once [tether-dropped-cancellation]
  std::stop_callback{token, [] {}};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: std::stop_callback temporary is destroyed at the end of the statement: the callback is unregistered at once [tether-dropped-cancellation]
}