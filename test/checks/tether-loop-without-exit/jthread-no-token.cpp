// RUN: %check_tether %s tether-loop-without-exit %t

// A std::jthread whose callable takes no std::stop_token and loops forever:
// the destructor calls request_stop() and then join(), and the join never
// returns.
#include <thread>

void poll();

void spins() {
  std::jthread worker([] {
    while (true) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-3]]:16: note: std::jthread's destructor requests stop and then joins: the callable takes no 'std::stop_token', so the destructor hangs
      poll();
    }
  });
} // ~jthread hangs here
