// RUN: %check_tether %s tether-unstopped-ticker %t

// after() outside a loop, with a short duration in a loop (below the
// AfterInLoopMinMilliseconds option, 1000 by default), or with a duration
// that is not a constant: nothing to report.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void handle(int);

bool once(tether::chan<int> in) {
  return tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                        tether::on_recv(tether::after(1min))) == 0;
}

void short_timeouts(tether::chan<int> in) {
  for (int i = 0; i < 100; ++i)
    tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                   tether::on_recv(tether::after(20ms)));
}

void unknown_timeout(tether::chan<int> in, tether::clock::duration limit) {
  for (;;)
    if (tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                       tether::on_recv(tether::after(limit))) == 1)
      return;
}

void in_loop_initializer(tether::chan<int> in) {
  for (auto deadline = tether::after(1min);;)
    if (tether::select(tether::on_recv(in, [](int m) { handle(m); }),
                       tether::on_recv(deadline)) == 1)
      return;
}
