// The task sends with a std::stop_token overload, which gives up on a stop request.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

#include <stop_token>
void produce(std::stop_token token, bool quit_early) {
  auto out = tether::make_chan<int>();
  tether::go([=] { (void)out.send(token, 1); });
  if (quit_early)
    return;
  (void)out.recv();
}
// RUNTIME: no leaks
int main() {
  std::stop_source source; produce(source.get_token(), true); source.request_stop(); tether::sleep(20ms);
  report_channel_leaks();
}
