// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Loops that can end, or that check the token: silent.
#include <atomic>
#include <thread>

void poll();

void ends_by_break() {
  std::jthread worker([] {
    for (;;) {
      if (cond())
        break;
      poll();
    }
  });
}

void checks_token() {
  std::jthread worker([](std::stop_token token) {
    while (!token.stop_requested())
      poll();
  });
}

void inner_switch_break_does_not_count_but_return_does() {
  std::jthread worker([] {
    while (true) {
      switch (cond()) {
      case true:
        return;
      default:
        break;
      }
    }
  });
}