// Uber's NoCloseRange, fixed: the producer closes the channel after its last send.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void produce(int n) {
  auto jobs = tether::make_chan<int>(n);
  tether::go([=] {
    for (int job : jobs)
      (void)job;
  });
  for (int i = 0; i < n; ++i)
    jobs.send(i);
  jobs.close();
}
// RUNTIME: no leaks
int main() {
  produce(3); tether::sleep(20ms);
  report_channel_leaks();
}
