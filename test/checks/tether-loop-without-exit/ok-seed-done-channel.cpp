// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The goroutine-leak chapter's fix for its scenario 2 (infinite loop): the
// loop selects on a done channel, which the spawner closes.
#include <tether/tether.hpp>

#include <atomic>

using namespace std::chrono_literals;

std::atomic<long> work;

void controlled_loop() {
  auto done = tether::make_chan<std::monostate>();
  tether::go([done] {
    for (;;) {
      bool stop = false;
      tether::select(tether::on_recv(done, [&](auto) { stop = true; }),
                     tether::on_default([] { work.fetch_add(1); }));
      if (stop)
        return;
    }
  });
  tether::sleep(50ms);
  done.close();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  controlled_loop();
  // RUNTIME: tether: no leaks
  report_loop_leaks();
}
#endif
