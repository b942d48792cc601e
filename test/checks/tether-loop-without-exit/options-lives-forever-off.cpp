// RUN: %check_tether %s tether-loop-without-exit %t -- \
// RUN:   -config="{CheckOptions: {tether-loop-without-exit.HonorLivesForever: false}}"

// With HonorLivesForever off, the annotation no longer exempts the loop.
#include <tether/tether.hpp>

void collect_metrics();

TETHER_ANNOTATE("tether::lives_forever") void metrics_loop() {
  for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    collect_metrics();
}

void start() { tether::go{metrics_loop}; }
