// The fourth family: a cancel function that is never called. Its context and
// any timer behind it stay alive until the deadline (or forever).
#include "example.hpp"

using namespace example;

int fetch(const tether::context &ctx) { return ctx.err() ? -1 : 42; }

// Leaky: the cancel function is dropped on the floor.
void leaky() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 10s);
  std::cout << "fetched " << fetch(ctx) << '\n';
}

// Fixed: a scope guard calls it on every path (Go's `defer cancel()`).
void fixed() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 10s);
  struct guard {
    tether::cancel_func &cancel;
    ~guard() { cancel(); }
  } calls_cancel{cancel};
  std::cout << "fetched " << fetch(ctx) << '\n';
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
