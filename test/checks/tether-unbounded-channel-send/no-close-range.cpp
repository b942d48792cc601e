// Uber's NoCloseRange: a consumer task ranges over the channel, the
// producer (the spawner) sends its values and returns without closing it:
// the consumer's loop never ends.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void produce(int n) {
  auto jobs = tether::make_chan<int>(n);
  // RUNTIME: task {{[0-9]+}} "consumer" [blocked on chan<int> receive
  tether::go("consumer", [=] {
    // RUNTIME-NEXT: spawned at {{.*}}no-close-range.cpp:[[@LINE-1]] in {{.*}}produce
    for (int job : jobs)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task ranges over 'jobs', which is never closed; the loop never ends and the task blocks forever [tether-unbounded-channel-send]
      (void)job;
  });
  for (int i = 0; i < n; ++i)
    jobs.send(i);
}

int main() {
  produce(3);
  report_channel_leaks();
}
