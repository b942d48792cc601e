// RUN: %check_tether %s tether-dropped-cancellation %t -- \
// RUN:   -config="{CheckOptions: {tether-dropped-cancellation.ReportJThreadLoops: false}}"
// With ReportJThreadLoops off (tether-loop-without-exit owns loops), silent.
#include <thread>

void poll();

void spins() {
  std::jthread worker([] {
    while (true)
      poll();
  });
}
