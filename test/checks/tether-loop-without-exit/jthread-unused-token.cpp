// RUN: %check_tether %s tether-loop-without-exit %t

// The callable takes the jthread's std::stop_token, but the loop never
// looks at it.
#include <stop_token>
#include <thread>

void poll();

void spins() {
  std::jthread worker([](std::stop_token token) {
    for (;;) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:5: note: check 'token' in the loop and return once it is cancelled
      // CHECK-MESSAGES: :[[@LINE-4]]:16: note: std::jthread's destructor requests stop and then joins: the loop never checks the callable's 'std::stop_token', so the destructor hangs
      poll();
    }
  });
}
