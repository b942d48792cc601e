// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A structured-binding name that is never used.
void never_used(const context &parent) {
  auto [ctx, cancel] = tether::with_deadline(parent, tether::clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel function 'cancel' returned by 'with_deadline' is never used [tether-dropped-cancellation]
  // RUNTIME: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // RUNTIME-NEXT: created at {{.*}}discard-unused-binding.cpp:[[@LINE-3]] in {{.*}}never_used
  (void)ctx.err();
}

void underscore(const context &parent) {
  auto [ctx, _] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel function '_' returned by 'with_cancel' is never used [tether-dropped-cancellation]
  // RUNTIME: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // RUNTIME-NEXT: created at {{.*}}discard-unused-binding.cpp:[[@LINE-3]] in {{.*}}underscore
  (void)ctx.err();
}

// The runtime twin: the leak detector sees the same dropped cancellation.
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  never_used(tether::background());
  underscore(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
