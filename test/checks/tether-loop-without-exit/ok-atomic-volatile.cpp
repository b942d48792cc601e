// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Scenario 2 of the goroutine-leak chapter (infinite loop) done right: the
// flag is atomic (or, for a signal handler's flag, volatile), so another
// thread's write ends the loop.
#include <tether/tether.hpp>

#include <atomic>
#include <csignal>

using namespace std::chrono_literals;

std::atomic<long> rounds;
volatile std::sig_atomic_t g_interrupted = 0;

void stoppable() {
  std::atomic<bool> running{true};
  tether::wait_group wg;
  wg.go([&running] {
    while (running.load())
      rounds.fetch_add(1);
  });
  wg.go([&running] {
    while (running)
      tether::sleep(1ms);
  });
  tether::sleep(20ms);
  running = false;
  wg.wait();
}

void until_signal() {
  tether::go([] {
    while (!g_interrupted)
      tether::sleep(1ms);
  });
  g_interrupted = 1;
}

class Service {
public:
  void start() {
    tether::go([this] {
      while (!stop_.load(std::memory_order_acquire))
        tether::sleep(1ms);
    });
  }
  void stop() { stop_ = true; }

private:
  std::atomic<bool> stop_{false};
};

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  stoppable();
  until_signal();
  static Service service;
  service.start();
  service.stop();
  // RUNTIME: tether: no leaks
  report_loop_leaks();
}
#endif
