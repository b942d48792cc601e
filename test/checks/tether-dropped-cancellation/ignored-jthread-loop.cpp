// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A std::jthread whose callable takes no token and loops forever: the
// destructor's request_stop cannot reach it and join() hangs.
#include <thread>

void poll();

void spins() {
  std::jthread worker([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: std::jthread runs a loop that never exits and its callable takes no std::stop_token; the destructor's request_stop cannot reach it and join hangs [tether-dropped-cancellation]
    while (true)
      poll();
  });
}