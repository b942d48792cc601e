// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The fix for scenario 4 of the goroutine-leak chapter (context not
// propagated): the worker is given the context and returns once it is done;
// the same with the context's err() and a select on its done case.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void start_worker_with_context(const tether::context &ctx) {
  tether::go([ctx] {
    for (;;) {
      if (ctx.err())
        return;
      (void)tether::sleep(ctx, 5ms);
    }
  });
  tether::go([ctx] {
    bool done = false;
    while (!done)
      tether::select(tether::on_done(ctx, [&] { done = true; }),
                     tether::on_default([] { tether::sleep(1ms); }));
  });
}

void demonstrate_context() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 50ms);
  start_worker_with_context(ctx);
  (void)ctx.done().recv();
  cancel();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  demonstrate_context();
  // RUNTIME: tether: no leaks
  report_loop_leaks();
}
#endif
