// tether-unbounded-channel-send's drain shape: three tasks send one result
// each, and the owner, receiving three times, returns on the first error.
// The two senders not yet received from are reported, each with its spawn
// and block sites. The fixed twin drains the rest before it returns.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;

int fan_out() {
  auto results = tether::make_chan<int>();
  for (int shard = 0; shard < 3; ++shard)
    tether::go("shard call", [results, shard] { results.send(-shard - 1); });
  // CHECK: found 2 leaked task(s)
  // CHECK: task {{[0-9]+}} "shard call" [blocked on chan<int> send, {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}channel_drain_first_error.cpp:[[@LINE-3]] in int fan_out()
  // CHECK-NEXT: blocked at {{.*}}channel_drain_first_error.cpp:[[@LINE-4]] in {{.*}}fan_out(){{.*}}operator()
  for (int i = 0; i < 3; ++i)
    if (*results.recv() < 0) {
#ifdef FIXED
      for (++i; i < 3; ++i)
        (void)results.recv();
#endif
      return -1;
    }
  // FIXED: no leaks
  // FIXED-NOT: task
  return 0;
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(300ms);
  fan_out();
  tether::sleep(20ms);
  std::cout << tether::leak::verify_none(baseline);
}
