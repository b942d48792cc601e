// RUN: %check_tether %s tether-loop-without-exit %t --check-suffix=DEFAULT
// RUN: %check_tether %s tether-loop-without-exit %t -- \
// RUN:   -config="{CheckOptions: {tether-loop-without-exit.CancellationPoints: 'lib::this_worker::sleep_for;lib::interruption_point'}}"

// CancellationPoints names functions that end the task when it is cancelled
// by throwing (Boost.Thread's interruption points are the model: a loop that
// sleeps in boost::this_thread::sleep_for stops on thread::interrupt()).
#include <thread>

namespace lib {
namespace this_worker {
void sleep_for(int ms); // throws when the worker is interrupted
}
void interruption_point();
} // namespace lib

void refresh();

void start() {
  std::thread([] {
    while (true) {
      // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: loop in a task never exits
      refresh();
      lib::this_worker::sleep_for(50);
    }
  }).detach();
  std::thread([] {
    for (;;) {
      // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: loop in a task never exits
      lib::interruption_point();
      refresh();
    }
  }).detach();
}
