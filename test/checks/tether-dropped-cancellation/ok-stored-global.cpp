// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Stored in a global or a static: handed off. Silent.
tether::cancel_func global_cancel;
void store_global(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  global_cancel = cancel;
  if (cond())
    return;
}

auto global_pair = tether::with_cancel(tether::background());

void store_static(const context &parent) {
  static auto pair = tether::with_cancel(parent);
  (void)pair;
}