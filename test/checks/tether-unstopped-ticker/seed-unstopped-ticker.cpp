// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Scenario 3 of the goroutine-leak chapter, "forgot to stop the ticker":
//
//   ticker := time.NewTicker(50 * time.Millisecond)
//   // forgot ticker.Stop()
//   go func() {
//       for range ticker.C { fmt.Print("T") }
//       fmt.Println("\nTicker goroutine exited")   // never printed
//   }()
//   time.Sleep(200 * time.Millisecond)
//
// Stopping the ticker would not help either: stop() does not close the
// channel, so the range-for never ends. The task and the ticker both leak.
#include <tether/tether.hpp>

#include <cstdio>
#include <memory>

using namespace std::chrono_literals;

void forgot_to_stop() {
  std::shared_ptr<tether::ticker> ticker(new tether::ticker(10ms));
  tether::go("ticker-reader", [ticker] {
    // RUNTIME: task {{[0-9]+}} "ticker-reader" [blocked on {{.*}}receive
    // RUNTIME-NEXT: spawned at {{.*}}seed-unstopped-ticker.cpp:[[@LINE-2]] in {{.*}}forgot_to_stop
    for (auto tick : ticker->chan()) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: range-for over a ticker's channel never ends: stopping a ticker does not close its channel [tether-unstopped-ticker]
      // CHECK-MESSAGES: :[[@LINE-2]]:5: note: receive with 'select(on_recv(ticker.chan(), ...), on_done(ctx, ...))' and leave the loop when the done case is taken
      (void)tick;
      std::printf("T");
    }
    std::printf("\nticker task exited\n"); // never printed
  });
  tether::sleep(50ms);
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  forgot_to_stop();
  report_ticker_leaks();
}
#endif
