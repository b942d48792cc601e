// Boost.Fiber's channels cannot be copied, so a channel a task must see is
// shared through a std::shared_ptr the task's lambda captures. The parties
// are the holders of the pointer: here the owner returns on an error path
// before it pops, and the pusher is stranded. The runtime sees the pusher as
// a live task (it waits inside Boost.Fiber), so it names the task but not the
// push.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -config="{CheckOptions: {tether-unbounded-channel-send.ChannelTypes: 'boost::fibers::unbuffered_channel;boost::fibers::buffered_channel', tether-unbounded-channel-send.SendFunctions: 'boost::fibers::unbuffered_channel::push;boost::fibers::buffered_channel::push', tether-unbounded-channel-send.RecvFunctions: 'boost::fibers::unbuffered_channel::pop;boost::fibers::unbuffered_channel::value_pop;boost::fibers::buffered_channel::pop;boost::fibers::buffered_channel::value_pop', tether-unbounded-channel-send.CloseFunctions: 'boost::fibers::unbuffered_channel::close;boost::fibers::buffered_channel::close'}}" -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

#include <boost/fiber/unbuffered_channel.hpp>
#include <memory>

using answer_channel = boost::fibers::unbuffered_channel<int>;

bool validate(int request) { return request > 0; }
int compute(int request) { return request * 2; }

int early_return(int request) {
  auto answers = std::make_shared<answer_channel>();
  // RUNTIME: task {{[0-9]+}} "pointer pusher"
  tether::go("pointer pusher", [answers, request] {
    // RUNTIME-NEXT: spawned at {{.*}}shared-ptr-boost-early-return.cpp:[[@LINE-1]] in {{.*}}early_return
    answers->push(compute(request));
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: send on 'answers' can block forever: 'early_return' can return before receiving from it [tether-unbounded-channel-send]
  });
  if (!validate(request))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'answers'
  return answers->value_pop();
}

// The same through a raw pointer made with new (and never deleted), and
// through a unique_ptr the task captures by reference.
int raw_pointer(int request) {
  auto *answers = new answer_channel();
  tether::go([answers, request] { answers->push(compute(request)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: send on 'answers' can block forever: 'raw_pointer' can return before receiving from it [tether-unbounded-channel-send]
  if (!validate(request))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'answers'
  return answers->value_pop();
}

int unique_owner(int request) {
  std::unique_ptr<answer_channel> answers(new answer_channel);
  tether::go([&answers, request] { (*answers).push(compute(request)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: send on 'answers' can block forever: 'unique_owner' can return before receiving from it [tether-unbounded-channel-send]
  if (!validate(request))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'answers'
  return answers->value_pop();
}

int main() {
  early_return(-1);
  report_channel_leaks();
}
