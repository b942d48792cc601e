// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A function that never returns on the path has no leaking exit. Silent.
void serve_forever(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  if (cond()) {
    cancel();
    return;
  }
  for (;;) {
    (void)ctx.err();
  }
}