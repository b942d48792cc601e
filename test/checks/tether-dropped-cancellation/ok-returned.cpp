// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Returned cancel functions are handed off to the caller: silent.
tether::cancel_func returned(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  (void)ctx.err();
  return cancel;
}

std::pair<context, tether::cancel_func> returned_pair(const context &parent) {
  return tether::with_timeout(parent, 1s);
}

struct scoped {
  context ctx;
  tether::cancel_func cancel;
};
scoped returned_struct(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  return scoped{ctx, cancel};
}

std::pair<context, tether::cancel_func> returned_pair_var(const context &p) {
  auto result = tether::with_cancel(p);
  return result;
}