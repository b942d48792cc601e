// RUN: %check_tether %s tether-unstopped-ticker %t

// A tick() channel in a static's initialiser is made once for the whole
// program, however often the function runs.
#include <tether/tether.hpp>

#include <stdexcept>

using namespace std::chrono_literals;

static tether::recv_chan<tether::clock::time_point> g_pulse = tether::tick(1s);

void wait_for_pulse() {
  static auto pulse = tether::tick(1s);
  (void)pulse.recv();
  (void)g_pulse.recv();
}

// A non-positive period throws (as Go's time.Tick panics): no ticker starts.
void rejects_zero() {
  try {
    (void)tether::tick(0s);
  } catch (const std::invalid_argument &) {
  }
}
