// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A std::jthread callable that takes the stop token and never looks at it.
#include <thread>

void poll();

void ignores() {
  std::jthread worker([](std::stop_token token) {
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: task takes a stop token 'token' but never uses it; cancellation cannot reach the task [tether-dropped-cancellation]
    for (int i = 0; i < 100; ++i)
      poll();
  });
}

void unnamed() {
  std::jthread worker([](std::stop_token) { poll(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: task takes a stop token but never uses it; cancellation cannot reach the task [tether-dropped-cancellation]
}

// Fixed: the token is checked.
void checks() {
  std::jthread worker([](std::stop_token token) {
    while (!token.stop_requested())
      poll();
  });
}