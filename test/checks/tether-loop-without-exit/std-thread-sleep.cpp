// RUN: %check_tether %s tether-loop-without-exit %t

// A plain std::thread that sleeps between rounds: sleeping is not an exit.
#include <chrono>
#include <thread>

void send_heartbeat();

void start_heartbeat() {
  std::thread([] {
    while (true) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      send_heartbeat();
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }).detach();
}
