// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// The whole result discarded as a statement (the compiler's [[nodiscard]]
// warning says the same when enabled).
#pragma clang diagnostic ignored "-Wunused-result"
void statement(const context &parent) {
  tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: result of 'with_cancel' is discarded: its cancel function is never called [tether-dropped-cancellation]
  // RUNTIME: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // RUNTIME-NEXT: created at {{.*}}discard-statement.cpp:[[@LINE-3]] in {{.*}}statement
}

// The runtime twin: the leak detector sees the same dropped cancellation.
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  statement(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
