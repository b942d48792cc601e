// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Cancel after a loop, reached by break, continue and the condition: silent.
int after_loop(const context &parent, const int *values, int n) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    if (values[i] < 0)
      continue;
    if (values[i] == 0)
      break;
    sum += values[i];
  }
  while (cond()) {
    if (ctx.err())
      break;
  }
  cancel();
  return sum;
}