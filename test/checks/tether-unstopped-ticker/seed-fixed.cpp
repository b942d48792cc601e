// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The goroutine-leak chapter's fix for its scenario 3 (an unstopped ticker):
//
//   ticker := time.NewTicker(50 * time.Millisecond)
//   defer ticker.Stop()
//   done := make(chan struct{})
//   go func() {
//       for {
//           select {
//           case <-ticker.C: fmt.Print("t")
//           case <-done:     return
//           }
//       }
//   }()
//   time.Sleep(200 * time.Millisecond)
//   close(done)
//
// The ticker is a local (RAII stops it, like the defer); the task selects
// on the ticker and on done, and returns when done is closed.
#include <tether/tether.hpp>

#include <cstdio>

using namespace std::chrono_literals;

void stopped_properly() {
  tether::ticker ticker(10ms);
  auto done = tether::make_chan<std::monostate>();
  tether::wait_group wg;
  wg.go([&] {
    for (;;) {
      bool finished = false;
      tether::select(tether::on_recv(ticker.chan(), [] { std::printf("t"); }),
                     tether::on_recv(done, [&] { finished = true; }));
      if (finished)
        return;
    }
  });
  tether::sleep(50ms);
  done.close();
  wg.wait();
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  stopped_properly();
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
}
#endif
