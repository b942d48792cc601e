// Uber's NoCloseRange, fixed: the producer closes the channel after its last send.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

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
  auto report = tether::leak::verify_none(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  std::cout << (report.empty() ? "no leaks\n" : report.to_string());
  std::cout.flush();
  std::_Exit(0);
}
