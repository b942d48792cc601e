// RUN: %check_tether %s tether-loop-without-exit %t

// Functions annotated tether::lives_forever are meant to run for the whole
// program: their loops are not reported (HonorLivesForever, on by default).
#include <tether/tether.hpp>

void collect_metrics();

TETHER_ANNOTATE("tether::lives_forever") void metrics_loop() {
  for (;;)
    collect_metrics();
}

[[clang::annotate("tether::lives_forever")]] void serve();
void serve() {
  while (true)
    collect_metrics();
}

struct Daemon {
  [[clang::annotate("tether::lives_forever")]] void run() {
    while (true)
      collect_metrics();
  }
};

void start(Daemon *daemon) {
  tether::go{metrics_loop}; // braces: `go(f);` would declare a variable
  tether::go{serve};
  tether::go(&Daemon::run, daemon);
  tether::go([] { metrics_loop(); }); // the annotated function's loop
}
