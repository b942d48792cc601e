// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// main is exempt: the program ends and everything with it. Silent.
int main() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  if (cond())
    return 1;
  (void)ctx.err();
  cancel();
  return 0;
}