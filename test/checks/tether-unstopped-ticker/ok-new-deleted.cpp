// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Tickers made with new that are deleted or stopped on every path, owned by
// a smart pointer, or handed to the caller: nothing to report.
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

bool deleted_on_every_path(bool early) {
  auto *pacer = new tether::ticker(10ms);
  if (early) {
    delete pacer;
    return false;
  }
  (void)pacer->chan().recv();
  delete pacer;
  return true;
}

void stopped(tether::ticker *&keep) {
  auto *pacer = new tether::ticker(10ms);
  (void)pacer->chan().recv();
  pacer->stop();
  keep = pacer; // the caller deletes it
}

void owned() {
  std::unique_ptr<tether::ticker> pacer(new tether::ticker(10ms));
  (void)pacer->chan().recv();
}

tether::ticker *handed_to_caller() { return new tether::ticker(10ms); }

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  (void)deleted_on_every_path(true);
  (void)deleted_on_every_path(false);
  tether::ticker *kept = nullptr;
  stopped(kept);
  delete kept;
  owned();
  delete handed_to_caller();
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
}
#endif
