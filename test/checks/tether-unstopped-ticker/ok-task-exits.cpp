// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A ticker moved into a task whose loop ends when its context is done: the
// task ends, destroys the ticker, and the ticker stops.
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

void flush() {}

void start_flusher(const tether::context &ctx) {
  auto every = std::make_unique<tether::ticker>(10ms);
  tether::go("flusher", [ctx, every = std::move(every)] {
    for (;;) {
      if (tether::select(tether::on_recv(every->chan(), [] { flush(); }),
                         tether::on_done(ctx)) == 1)
        return;
    }
  });
}

void start_flusher_value(const tether::context &ctx) {
  tether::ticker every(10ms);
  tether::go("flusher", [ctx, every = std::move(every)] {
    while (tether::select(tether::on_recv(every.chan(), [] { flush(); }),
                          tether::on_done(ctx)) == 0) {
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  start_flusher(ctx);
  start_flusher_value(ctx);
  tether::sleep(30ms);
  cancel();
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
}
#endif
