// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Statics with a path that stops them (a shutdown function), statics handed
// to code that may stop them, and globals other files can reach: nothing
// to report.
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

void register_ticker(tether::ticker &t);

static tether::ticker g_heartbeat(10ms);
static std::shared_ptr<tether::ticker> g_poller(new tether::ticker(10ms));
static tether::ticker g_registered(10ms);
tether::ticker g_exported(10ms); // other files may stop it

void shutdown() {
  g_heartbeat.stop();
  g_poller.reset();
  g_exported.stop();
}

void init() { register_ticker(g_registered); }

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
void register_ticker(tether::ticker &t) { t.stop(); }
int main() {
  init();
  shutdown();
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
}
#endif
