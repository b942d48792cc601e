// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Tickers owned through the heap or a global: made with new and kept in a
// private field that nothing stops or deletes (not even the destructor), or
// put in a static pointer by the function that starts the work and never
// reset or stopped (by `reset(new ...)` here, `= std::make_unique` in
// ok-heap-global-ticker.cpp's look-alike).
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

// RUNTIME: found 0 leaked task(s), 3 unread ticker(s)
class refresher {
public:
  refresher() : pace_(new tether::ticker(10ms)) {}
  // RUNTIME-DAG: created at {{.*}}heap-global-ticker.cpp:[[@LINE-1]]
  bool due() { return bool(pace_->chan().try_recv()); }

private:
  tether::ticker *pace_;
};

static std::unique_ptr<tether::ticker> g_flush;
void start_flushing() {
  g_flush.reset(new tether::ticker(10ms));
  // RUNTIME-DAG: created at {{.*}}heap-global-ticker.cpp:[[@LINE-1]]
}
bool flush_due() { return bool(g_flush->chan().try_recv()); }

#ifndef RUNTIME_TWIN // the runtime names make_unique's line, not this one
static std::unique_ptr<tether::ticker> g_stats;
void start_stats() { g_stats = std::make_unique<tether::ticker>(10ms); }
#endif

namespace {
tether::ticker *g_probe;
} // namespace
void start_probe() {
  g_probe = new tether::ticker(10ms);
  // RUNTIME-DAG: created at {{.*}}heap-global-ticker.cpp:[[@LINE-1]]
}

// In a class template the field's type is only known per instantiation:
// the check stays quiet there (a known limit).
template <class T> class typed_refresher {
public:
  typed_refresher() : pace_(new tether::ticker(10ms)) {}

private:
  tether::ticker *pace_;
  T last_;
};

#define NEW_PACER new tether::ticker(10ms)
class macro_refresher {
public:
  macro_refresher() : pace_(NEW_PACER) {}

private:
  tether::ticker *pace_;
};

class accepted_refresher {
public:
  accepted_refresher()
      : pace_(new tether::ticker(10ms)) {} // NOLINT(tether-unstopped-ticker)

private:
  tether::ticker *pace_;
};

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  {
    refresher r;
    (void)r.due();
  }
  start_flushing();
  (void)flush_due();
  start_probe();
  report_ticker_leaks();
}
#endif

// CHECK-MESSAGES: :18:23: warning: ticker made with 'new' and kept in 'pace_' is never stopped or deleted; it fires after 'refresher' is destroyed [tether-unstopped-ticker]
// CHECK-MESSAGES: :23:19: note: make 'pace_' a 'tether::ticker' or a 'std::unique_ptr<tether::ticker>', which stops when 'refresher' is destroyed
// CHECK-MESSAGES: :26:40: warning: global ticker 'g_flush' is never stopped; it fires until the program exits [tether-unstopped-ticker]
// CHECK-MESSAGES: :26:40: note: stop it when its reader is done, or make it a local 'tether::ticker' of the function that reads it
// CHECK-MESSAGES: :34:40: warning: global ticker 'g_stats' is never stopped; it fires until the program exits [tether-unstopped-ticker]
// CHECK-MESSAGES: :34:40: note: stop it when its reader is done, or make it a local 'tether::ticker' of the function that reads it
// CHECK-MESSAGES: :39:17: warning: global ticker 'g_probe' is never stopped; it fires until the program exits [tether-unstopped-ticker]
// CHECK-MESSAGES: :39:17: note: stop it when its reader is done, or make it a local 'tether::ticker' of the function that reads it
// CHECK-MESSAGES: :60:29: warning: ticker made with 'new' and kept in 'pace_' is never stopped or deleted; it fires after 'macro_refresher' is destroyed [tether-unstopped-ticker]
// CHECK-MESSAGES: :57:19: note: expanded from macro 'NEW_PACER'
// CHECK-MESSAGES: :63:19: note: make 'pace_' a 'tether::ticker' or a 'std::unique_ptr<tether::ticker>', which stops when 'macro_refresher' is destroyed
