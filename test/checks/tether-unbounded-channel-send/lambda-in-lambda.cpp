// The spawner is itself a lambda (run as a task), and the sender is a task
// it starts: lambdas within lambdas.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>

using namespace std::chrono_literals;

void outer() {
  auto handler = [](int request) {
    auto reply = tether::make_chan<int>();
    // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
    tether::go([=] {
      // RUNTIME-NEXT: spawned at {{.*}}lambda-in-lambda.cpp:[[@LINE-1]] in {{.*}}
      reply.send(request + 1);
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: send on 'reply' can block forever: the enclosing lambda can return before receiving from it [tether-unbounded-channel-send]
    });
    if (request == 0)
      return 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: returns here without receiving from 'reply'
    return *reply.recv();
  };
  handler(0);
}
// CHECK-FIXES: auto reply = tether::make_chan<int>(1);

int main() {
  outer();
  report_channel_leaks();
}
