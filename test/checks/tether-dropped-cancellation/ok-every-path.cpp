// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Cancel called on every path: silent.
int every_path(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  if (cond()) {
    cancel();
    return 1;
  }
  if (ctx.err()) {
    cancel();
    throw std::runtime_error("cancelled");
  }
  cancel();
  return 0;
}

// Calling it twice is harmless (Go's contract) and silent.
void twice(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 1s);
  cancel();
  cancel();
}

// The runtime twin: nothing is dropped.
// RUNTIME: no leaks
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  (void)every_path(tether::background());
  twice(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
