// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A task (or function) that never returns may keep a tick() channel: the
// ticker is read for as long as the program runs. Nor does a [[noreturn]]
// function leave one behind.
#include <tether/tether.hpp>

#include <cstdlib>

using namespace std::chrono_literals;

void flush();

void start_flusher() {
  tether::go("flusher", [] {
    auto every = tether::tick(10ms);
    for (;;) {
      (void)every.recv();
      flush();
    }
  });
}

[[noreturn]] void run_forever() {
  auto every = tether::tick(10ms);
  while (true)
    (void)every.recv();
}

[[noreturn]] void fail_after_one_tick() {
  auto every = tether::tick(10ms);
  (void)every.recv();
  std::abort();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
void flush() {}
int main() {
  start_flusher();
  // RUNTIME: tether: no leaks
  report_ticker_leaks({"flusher"});
}
#endif
