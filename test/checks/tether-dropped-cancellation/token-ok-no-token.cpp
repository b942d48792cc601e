// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// No context or stop token in scope: nothing to pass. Silent.
void plain(tether::chan<int> ch) {
  ch.send(1);
  auto v = ch.recv();
  tether::sleep(1ms);
}