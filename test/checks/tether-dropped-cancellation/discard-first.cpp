// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Keeping only the context throws the cancel function away.
context only_the_context(const context &parent) {
  auto ctx = tether::with_timeout(parent, 1s).first;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: cancel function returned by 'with_timeout' is discarded: only the context is kept [tether-dropped-cancellation]
  // CHECK-MESSAGES: :[[@LINE-2]]:14: note: keep both with 'auto [ctx, cancel] = ...'
  // RUNTIME: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // RUNTIME-NEXT: created at {{.*}}discard-first.cpp:[[@LINE-4]] in {{.*}}only_the_context
  return ctx;
}

// Fixed: keep the cancel function and call it.
void fixed(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 1s);
  (void)ctx.err();
  cancel();
}

// The runtime twin: the leak detector sees the same dropped cancellation.
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  (void)only_the_context(tether::background());
  fixed(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
