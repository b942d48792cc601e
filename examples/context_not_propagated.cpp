// The context-not-propagated leak: a context that is not passed on.
#include "example.hpp"

using namespace example;

// Leaky: the worker never hears of the caller's context, so it loops forever
// after the caller is done.
void start_worker_without_context() {
  tether::go("worker", [] {
    for (;;)
      tether::sleep(50ms);
  });
}

// Fixed: the worker sleeps on the context and returns when it ends.
void start_worker_with_context(const tether::context &ctx,
                               tether::wait_group &wg) {
  wg.go([ctx] {
    while (!tether::sleep(ctx, 50ms)) {
    }
  });
}

void leaky() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 100ms);
  start_worker_without_context();
  (void)ctx.done().recv();
  cancel();
}

void fixed() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 100ms);
  tether::wait_group wg;
  start_worker_with_context(ctx, wg);
  (void)ctx.done().recv();
  cancel();
  wg.wait();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
