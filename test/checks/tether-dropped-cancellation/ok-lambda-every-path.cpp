// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A local lambda that cancels, run on every path: silent.
int run_on_every_path(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  auto stop = [&] { cancel(); };
  if (cond()) {
    stop();
    return 1;
  }
  stop();
  return 0;
}

// An immediately invoked lambda cancels on the spot.
void invoked(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  [&] { cancel(); }();
  if (cond())
    return;
}