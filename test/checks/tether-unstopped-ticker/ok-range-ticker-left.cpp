// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Range-fors over a ticker's channel that are left, and whose ticker stops:
// a local tether::ticker (stopped when it goes out of scope), a ticker made
// with new that is stopped and deleted after the loop, one a scope guard
// stops, and tick(d) in main, where the program ends with the loop.
#include <tether/tether.hpp>

#include <cstdlib>
#include <memory>

using namespace std::chrono_literals;

int count_ticks(int n) {
  tether::ticker every(10ms);
  int seen = 0;
  for (auto now : every.chan()) {
    (void)now;
    if (++seen == n)
      break;
  }
  return seen;
}

int count_heap_ticks(int n) {
  auto *every = new tether::ticker(10ms);
  int seen = 0;
  for (auto now : every->chan()) {
    (void)now;
    if (++seen == n)
      break;
  }
  every->stop();
  delete every;
  return seen;
}

bool wait_guarded(tether::recv_chan<int> ready) {
  auto every = std::make_unique<tether::ticker>(10ms);
  struct stopper {
    tether::ticker &t;
    ~stopper() { t.stop(); }
  } guard{*every};
  for (auto now : every->chan()) {
    (void)now;
    if (ready.try_recv())
      return true;
  }
  return false;
}

// Leaving only by ending the program.
[[noreturn]] void watchdog(tether::recv_chan<int> dead) {
  for (auto now : tether::tick(1s)) {
    (void)now;
    if (dead.try_recv())
      std::exit(1);
  }
  std::abort();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
#endif

int main() {
  (void)count_ticks(2);
  (void)count_heap_ticks(2);
  auto ready = tether::make_chan<int>(1);
  ready.send(1);
  (void)wait_guarded(ready);
#ifdef RUNTIME_TWIN
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
#else
  int seen = 0;
  for (auto now : tether::tick(10ms)) {
    (void)now;
    if (++seen == 2)
      break;
  }
#endif
}
