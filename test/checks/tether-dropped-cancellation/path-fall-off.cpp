// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Cancel called on one branch only; the other falls off the end.
void one_branch(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  // RUNTIME: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // RUNTIME-NEXT: created at {{.*}}path-fall-off.cpp:[[@LINE-3]] in {{.*}}one_branch
  if (cond())
    cancel();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: this end of the function is reached without calling 'cancel'

// The runtime twin: the leak detector sees the same dropped cancellation.
bool cond() { return false; } // the branch that cancels is not taken

int main() {
  auto baseline = tether::leak::options().ignore_current();
  one_branch(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
