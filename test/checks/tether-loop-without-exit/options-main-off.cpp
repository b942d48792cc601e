// RUN: %check_tether %s tether-loop-without-exit %t --check-suffix=TASKS -- \
// RUN:   -config="{CheckOptions: {tether-loop-without-exit.IgnoreTasksSpawnedFromMain: false}}"
// RUN: %check_tether %s tether-loop-without-exit %t --check-suffix=LOOPS -- \
// RUN:   -config="{CheckOptions: {tether-loop-without-exit.IgnoreLoopsInMain: false}}"
// RUN: %check_tether %s tether-loop-without-exit %t --check-suffix=BOTH -- \
// RUN:   -config="{CheckOptions: {tether-loop-without-exit.IgnoreLoopsInMain: false, tether-loop-without-exit.IgnoreTasksSpawnedFromMain: false}}"

// The two main exemptions, each turned off.
#include <tether/tether.hpp>

#include <thread>

void heartbeat();
void serve_forever_loop() {
  for (;;)
    // CHECK-MESSAGES-TASKS: :[[@LINE-1]]:3: warning: loop in a task never exits
    // CHECK-MESSAGES-BOTH: :[[@LINE-2]]:3: warning: loop in a task never exits
    heartbeat();
}

int main() {
  tether::go{serve_forever_loop}; // braces: `go(f);` would declare a variable
  tether::go([] {
    tether::go([] {
      while (true)
        // CHECK-MESSAGES-LOOPS: :[[@LINE-1]]:7: warning: loop in a task never exits
        // CHECK-MESSAGES-BOTH: :[[@LINE-2]]:7: warning: loop in a task never exits
        heartbeat();
    });
  });
  std::thread([] {
    while (true)
      // CHECK-MESSAGES-BOTH: :[[@LINE-1]]:5: warning: loop in a task never exits
      heartbeat();
  }).detach();
}
