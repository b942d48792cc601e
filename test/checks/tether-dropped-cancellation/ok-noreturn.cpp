// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Paths that end in a [[noreturn]] call never leave: silent.
#include <cstdlib>

[[noreturn]] void fatal(const char *what);

void aborts(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  if (cond())
    std::abort();
  if (ctx.err())
    fatal("cancelled");
  cancel();
}

void exits(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  if (cond())
    std::exit(1);
  cancel();
}