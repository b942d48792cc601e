// Go's "all goroutines are asleep": the main thread waits for a task that
// waits for the main thread. Reported at once by the watchdog; the handler
// here prints the report and exits, as Go would.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <cstdlib>
#include <iostream>

int main() {
  tether::leak::set_deadlock_handler([](const tether::leak::report &r) {
    std::cout << r << std::flush;
    std::_Exit(0);
  });
  auto request = tether::make_chan<int>();
  auto reply = tether::make_chan<int>();
  tether::go("server", [request, reply] {
    (void)request.recv();
    reply.send(1);
  });
  (void)reply.recv(); // forgot to send the request first
  // CHECK: all tasks and threads are asleep: global deadlock
  // CHECK: task {{[0-9]+}} "server" [blocked on chan<int> receive
  // CHECK: thread {{[0-9]+}} [blocked on chan<int> receive
  // CHECK-NEXT: blocked at {{.*}}global_deadlock.cpp:[[@LINE-4]] in int main()
  std::cout << "not reached\n";
}
