// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Loops that receive from a channel end when it is closed: a range-for
// over the channel, and a receive loop. Whether the channel is ever closed
// is tether-unbounded-channel-send's question, not this check's.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<int> total;

void consume(tether::chan<int> in) {
  tether::go([in] {
    for (int v : in)
      total += v;
  });
  tether::go([in] {
    while (true) {
      auto v = in.recv();
      if (!v)
        break;
      total += *v;
    }
  });
}

void consume_ticks(tether::recv_chan<int> in) {
  tether::go([in] {
    for (;;)
      (void)in.recv(); // spins once closed, but a closed channel is seen
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto in = tether::make_chan<int>(4);
  consume(in);
  in.send(1);
  in.close();
  // RUNTIME: tether: no leaks
  report_loop_leaks();
}
#endif
