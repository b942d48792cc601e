// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Returned cancel functions are handed off to the caller: silent.
tether::cancel_func returned(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  (void)ctx.err();
  return cancel;
}

std::pair<context, tether::cancel_func> returned_pair(const context &parent) {
  return tether::with_timeout(parent, 1s);
}

struct scoped {
  context ctx;
  tether::cancel_func cancel;
};
scoped returned_struct(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  return scoped{ctx, cancel};
}

std::pair<context, tether::cancel_func> returned_pair_var(const context &p) {
  auto result = tether::with_cancel(p);
  return result;
}

// The runtime twin: nothing is dropped.
// RUNTIME: no leaks
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  returned(tether::background())();
  returned_pair(tether::background()).second();
  returned_struct(tether::background()).cancel();
  returned_pair_var(tether::background()).second();
  std::cout << tether::leak::verify_none(baseline);
}
