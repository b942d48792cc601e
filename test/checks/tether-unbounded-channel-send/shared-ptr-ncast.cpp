// Uber's NCastLeak through a pointer: three tasks push on a Boost.Fiber
// channel they share through a std::shared_ptr, the owner pops once; two
// pushers are stranded. tether's own channel held the same way (a copy of a
// made channel in a shared_ptr) is analysed too, and the fix-it buffers the
// channel it is made from.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -config="{CheckOptions: {tether-unbounded-channel-send.ChannelTypes: 'boost::fibers::unbuffered_channel;boost::fibers::buffered_channel', tether-unbounded-channel-send.SendFunctions: 'boost::fibers::unbuffered_channel::push;boost::fibers::buffered_channel::push', tether-unbounded-channel-send.RecvFunctions: 'boost::fibers::unbuffered_channel::pop;boost::fibers::unbuffered_channel::value_pop;boost::fibers::buffered_channel::pop;boost::fibers::buffered_channel::value_pop', tether-unbounded-channel-send.CloseFunctions: 'boost::fibers::unbuffered_channel::close;boost::fibers::buffered_channel::close'}}" -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

#include <boost/fiber/buffered_channel.hpp>
#include <boost/fiber/unbuffered_channel.hpp>
#include <memory>

int first_replica() {
  auto answers = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  for (int i = 0; i < 3; ++i)
    // RUNTIME-COUNT-2: spawned at {{.*}}shared-ptr-ncast.cpp:[[@LINE+1]] in {{.*}}first_replica
    tether::go("replica", [answers, i] { answers->push(i); });
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: send on 'answers' can block forever: 3 sends can happen but it is received from only 1 time [tether-unbounded-channel-send]
  return answers->value_pop();
}

// A buffer of 2 is not room for 3 sends and 1 receive.
int small_buffer() {
  auto answers = std::make_shared<boost::fibers::buffered_channel<int>>(2);
  for (int i = 0; i < 4; ++i)
    tether::go([answers, i] { answers->push(i); });
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: send on 'answers' can block forever: 4 sends can happen but it is received from only 1 time [tether-unbounded-channel-send]
  return answers->value_pop();
}

int tether_channel_shared() {
  auto answers = std::make_shared<tether::chan<int>>(tether::make_chan<int>());
  for (int i = 0; i < 3; ++i)
    tether::go([answers, i] { answers->send(i); });
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: send on 'answers' can block forever: 3 sends can happen but it is received from only 1 time [tether-unbounded-channel-send]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: buffer the channel so that the send cannot block: 'make_chan<T>(3)'
  return *answers->recv();
}
// CHECK-FIXES: auto answers = std::make_shared<tether::chan<int>>(tether::make_chan<int>(3));

int tether_channel_new(int n) {
  auto *answers = new tether::chan<int>(tether::make_chan<int>());
  for (int i = 0; i < n; ++i)
    tether::go([=] { answers->send(i); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: send on 'answers' can block forever: tasks started in a loop send on it but it is received from only 1 time [tether-unbounded-channel-send]
  int first = *answers->recv();
  return first;
}

int main() {
  first_replica();
  report_channel_leaks();
}
