// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A ticker in a global of this file that nothing stops: it fires until the
// program exits, whether or not anybody still reads it.
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

// RUNTIME: found 0 leaked task(s), 2 unread ticker(s)
static tether::ticker g_heartbeat(10ms);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: global ticker 'g_heartbeat' is never stopped; it fires until the program exits [tether-unstopped-ticker]
// CHECK-MESSAGES: :[[@LINE-2]]:23: note: stop it when its reader is done, or make it a local 'tether::ticker' of the function that reads it
// RUNTIME-DAG: created at {{.*}}static-global.cpp:[[@LINE-3]]

namespace {
std::unique_ptr<tether::ticker> g_poller(new tether::ticker(10ms));
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: global ticker 'g_poller' is never stopped; it fires until the program exits [tether-unstopped-ticker]
// RUNTIME-DAG: created at {{.*}}static-global.cpp:[[@LINE-2]]
} // namespace

bool beat() { return g_heartbeat.chan().try_recv() && g_poller->chan().try_recv(); }

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  (void)beat();
  report_ticker_leaks();
}
#endif
