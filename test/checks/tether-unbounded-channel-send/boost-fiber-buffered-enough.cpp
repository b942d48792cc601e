// Boost.Fiber's buffered_channel, configured through the check options:
// the buffer has room for both pushes, so neither pusher is stranded.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -config="{CheckOptions: {tether-unbounded-channel-send.ChannelTypes: 'boost::fibers::unbuffered_channel;boost::fibers::buffered_channel', tether-unbounded-channel-send.SendFunctions: 'boost::fibers::unbuffered_channel::push;boost::fibers::buffered_channel::push', tether-unbounded-channel-send.RecvFunctions: 'boost::fibers::unbuffered_channel::value_pop;boost::fibers::buffered_channel::value_pop'}}" -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;
#include <boost/fiber/buffered_channel.hpp>

void serve(tether::chan<bool> done) {
  boost::fibers::buffered_channel<int> answers{4}; // room for 3 values
  for (int i = 0; i < 2; ++i)
    tether::go([&answers, i] { answers.push(i); });
  (void)answers.value_pop();
  tether::sleep(20ms);
  done.close();
}
// RUNTIME: no leaks

int main() {
  auto done = tether::make_chan<bool>(); tether::go([=] { serve(done); }); (void)done.recv();
  report_channel_leaks();
}
