// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Go vet's lostcancel, for a ticker made with new: deleted at the end, but
// the early return skips the delete.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

bool sample(tether::recv_chan<int> input) {
  auto *pacer = new tether::ticker(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: ticker 'pacer' made with 'new' is not stopped or deleted on every path [tether-unstopped-ticker]
  // RUNTIME: ticker {{[0-9]+}} [every 10ms, unread for {{.*}}]
  // RUNTIME-NEXT: created at {{.*}}new-not-every-path.cpp:[[@LINE-3]] in {{.*}}sample
  auto first = input.try_recv();
  if (!first)
    return false;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without stopping 'pacer'
  (void)pacer->chan().recv();
  delete pacer;
  return true;
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  (void)sample(tether::make_chan<int>(1));
  report_ticker_leaks();
}
#endif
