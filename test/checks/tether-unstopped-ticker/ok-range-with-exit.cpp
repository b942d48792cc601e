// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A range-for over a ticker's channel that leaves by break or return, and a
// range-for over an ordinary channel (which ends when it is closed).
#include <tether/tether.hpp>

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

bool wait_for(tether::recv_chan<int> ready) {
  tether::ticker every(10ms);
  for (auto now : every.chan()) {
    (void)now;
    if (ready.try_recv())
      return true;
  }
  return false;
}

int drain(tether::recv_chan<int> jobs) {
  int total = 0;
  for (int job : jobs)
    total += job;
  return total;
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  (void)count_ticks(3);
  auto ready = tether::make_chan<int>(1);
  ready.send(1);
  (void)wait_for(ready);
  auto jobs = tether::make_chan<int>(2);
  jobs.send(1);
  jobs.close();
  (void)drain(jobs);
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
}
#endif
