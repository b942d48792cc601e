// RUN: %check_tether %s tether-loop-without-exit,tether-dropped-cancellation %t

// With tether-dropped-cancellation enabled as well, the jthread whose loop
// ignores its stop request is reported once, by tether-loop-without-exit:
// no location gets two tether diagnostics. (Alone, tether-dropped-
// cancellation reports it at the jthread; see its ignored-jthread-loop.cpp.)
#include <thread>

void poll();

void spins() {
  std::jthread worker([] {
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      poll();
  });
}
