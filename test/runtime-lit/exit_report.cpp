// TETHER_LEAK_REPORT=1 dumps what is left at process exit, without any code.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t
// RUN: env TETHER_LEAK_REPORT=1 %t 2>&1 | %FileCheck %s
// RUN: %t 2>&1 | %FileCheck %s --allow-empty --check-prefix=QUIET
#include <tether/tether.hpp>

using namespace std::chrono_literals;

int main() {
  auto ch = tether::make_chan<int>();
  tether::go("forgotten", [ch] { (void)ch.recv(); });
  tether::sleep(20ms);
  // CHECK: leak report at exit (TETHER_LEAK_REPORT=1)
  // CHECK: task {{[0-9]+}} "forgotten" [blocked on chan<int> receive
  // QUIET-NOT: leak report
}
