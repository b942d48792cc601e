// The "leak test" of the goroutine-leak chapter's counting section: a receive
// that nothing will ever satisfy. Reported as definite; the fixed twin closes
// the channel.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;

void shape() {
  auto ch = tether::make_chan<int>();
  tether::go("receiver", [ch] { (void)ch.recv(); });
  // CHECK: task {{[0-9]+}} "receiver" [blocked on chan<int> receive, {{.*}}] [definite]
  // CHECK-NEXT: spawned at {{.*}}channel_receive.cpp:[[@LINE-2]] in void shape()
  // CHECK-NEXT: blocked at {{.*}}channel_receive.cpp:[[@LINE-3]]
  tether::sleep(20ms);
#ifdef FIXED
  ch.close();
  // FIXED: no leaks
#endif
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(300ms);
  shape();
  std::cout << tether::leak::verify_none(baseline);
  std::cout << "definite: " << tether::leak::definitely_leaked().size() << '\n';
  // CHECK: definite: 1
  // FIXED: definite: 0
}
