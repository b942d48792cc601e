// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A throw that leaves the function before cancel is called.
void throws(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 5s);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_timeout' is not called on every path [tether-dropped-cancellation]
  // RUNTIME: dropped cancel {{[0-9]+}} [cancel_func destroyed uncalled while its context was live]
  // RUNTIME-NEXT: created at {{.*}}path-throw.cpp:[[@LINE-3]] in {{.*}}throws
  if (cond())
    throw std::runtime_error("no");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this throw is reached without calling 'cancel'
  cancel();
}

// A throw caught inside the function does not leave it.
void caught(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 5s);
  try {
    if (cond())
      throw 1;
  } catch (int) {
  }
  cancel();
}

// The runtime twin: the leak detector sees the same dropped cancellation.
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  try {
    throws(tether::background());
  } catch (const std::runtime_error &) {
  }
  caught(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
