// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Loops that end by an exception: a throw in the loop, or in a function the
// loop calls directly (a cancellation check that throws), or a send on a
// channel that throws once the channel is closed.
#include <tether/tether.hpp>

#include <atomic>
#include <stdexcept>

std::atomic<bool> cancelled;
std::atomic<int> seen;

struct cancelled_error : std::runtime_error {
  cancelled_error() : std::runtime_error("cancelled") {}
};

void throw_if_cancelled() {
  if (cancelled.load())
    throw cancelled_error();
}

void start(tether::chan<int> out) {
  tether::go([] {
    try {
      while (true) {
        if (cancelled.load())
          throw cancelled_error();
        seen.fetch_add(1);
      }
    } catch (const cancelled_error &) {
    }
  });
  tether::go([] {
    try {
      for (;;)
        throw_if_cancelled();
    } catch (const cancelled_error &) {
    }
  });
  tether::go([out] {
    try {
      for (int i = 0;; ++i)
        out.send(i);
    } catch (const tether::closed_channel_error &) {
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto out = tether::make_chan<int>();
  start(out);
  cancelled = true; // before blocking: the two busy tasks may hold every worker
  (void)out.recv();
  out.close();
  // RUNTIME: tether: no leaks
  report_loop_leaks();
}
#endif
