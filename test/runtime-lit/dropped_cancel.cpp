// The fourth family: the last copy of a cancel function dies uncalled while
// its context is live; reported with the with_timeout call's site.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t && %t | %FileCheck %s
// RUN: %tether_cxx -DFIXED %s -o %t.fixed && %t.fixed | %FileCheck %s --check-prefix=FIXED
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;

bool ready(const tether::context &ctx) { return !ctx.err(); }

void request() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 10s);
  // CHECK: 1 dropped cancel(s)
  // CHECK: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // CHECK-NEXT: created at {{.*}}dropped_cancel.cpp:[[@LINE-3]] in void request()
  if (!ready(ctx))
    return;
#ifdef FIXED
  cancel();
  // FIXED: no leaks
#endif
}

int main() {
  auto baseline = tether::leak::options().ignore_current();
  request();
  std::cout << tether::leak::verify_none(baseline);
}
