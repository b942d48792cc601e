// A channel shared through a std::shared_ptr the task captures (as code
// shares channels that cannot be copied): the owner returns before it
// receives, and the sender is reported with its spawn and block sites. The
// fixed twin receives on every path.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>
#include <memory>

using namespace std::chrono_literals;

int early_return(bool fail) {
  auto answers = std::make_shared<tether::chan<int>>(tether::make_chan<int>());
  tether::go("pointer sender", [answers] { answers->send(42); });
  // CHECK: found 1 leaked task(s)
  // CHECK: task {{[0-9]+}} "pointer sender" [blocked on chan<int> send, {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}channel_send_pointer.cpp:[[@LINE-3]] in int early_return(bool)
  // CHECK-NEXT: blocked at {{.*}}channel_send_pointer.cpp:[[@LINE-4]] in {{.*}}early_return(bool){{.*}}operator()
#ifdef FIXED
  int answer = *answers->recv();
  if (fail)
    return -1;
  return answer;
  // FIXED: no leaks
  // FIXED-NOT: task
#else
  if (fail)
    return -1;
  return *answers->recv();
#endif
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(300ms);
  early_return(true);
  tether::sleep(20ms);
  std::cout << tether::leak::verify_none(baseline);
}
