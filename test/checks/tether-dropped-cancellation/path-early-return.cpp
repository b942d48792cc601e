// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Go vet's lostcancel: a return on which cancel is not called.
int early_return(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  // RUNTIME: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // RUNTIME-NEXT: created at {{.*}}path-early-return.cpp:[[@LINE-3]] in {{.*}}early_return
  if (cond())
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  (void)ctx.err();
  cancel();
  return 0;
}

// The runtime twin: the leak detector sees the same dropped cancellation.
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  early_return(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
