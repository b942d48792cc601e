// Boost.Fiber's unbuffered_channel, configured through the check options:
// three tasks push, the server pops once; two pushers are stranded.
// The runtime sees the pushers as live tasks (they wait inside Boost.Fiber,
// not in a tether primitive), so it names the task but not the push.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -config="{CheckOptions: {tether-unbounded-channel-send.ChannelTypes: 'boost::fibers::unbuffered_channel;boost::fibers::buffered_channel', tether-unbounded-channel-send.SendFunctions: 'boost::fibers::unbuffered_channel::push;boost::fibers::buffered_channel::push', tether-unbounded-channel-send.RecvFunctions: 'boost::fibers::unbuffered_channel::pop;boost::fibers::unbuffered_channel::value_pop;boost::fibers::buffered_channel::pop;boost::fibers::buffered_channel::value_pop', tether-unbounded-channel-send.CloseFunctions: 'boost::fibers::unbuffered_channel::close;boost::fibers::buffered_channel::close'}}" -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;
#include <boost/fiber/unbuffered_channel.hpp>

void serve(tether::chan<bool> quit) {
  boost::fibers::unbuffered_channel<int> answers;
  for (int i = 0; i < 3; ++i)
    // RUNTIME-COUNT-2: spawned at {{.*}}boost-fiber-unbuffered.cpp:[[@LINE+1]] in {{.*}}serve
    tether::go("replica", [&answers, i] { answers.push(i); });
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: send on 'answers' can block forever: 3 sends can happen but it is received from only 1 time [tether-unbounded-channel-send]
  (void)answers.value_pop();
  (void)quit.recv(); // serve until told to quit
}

int main() {
  auto quit = tether::make_chan<bool>(); tether::go("server", [=] { serve(quit); }); tether::sleep(20ms);
  report_channel_leaks();
}
