// Detection method 2: a dump of every live task (Go's runtime.Stack dump),
// with the function and line where each was spawned and where it waits.
#include "example.hpp"

using namespace example;

// Leaky: one task blocked on a channel, one looping forever, one that ends.
void leaky() {
  auto blocking = tether::make_chan<int>();
  tether::go("blocked", [blocking] { (void)blocking.recv(); });
  tether::go("looper", [] {
    for (;;)
      tether::sleep(1s);
  });
  tether::wait_group wg;
  wg.go([] { tether::sleep(100ms); });
  tether::sleep(200ms);
  tether::leak::dump(std::cout);
  wg.wait();
}

// Fixed: every task has a way out, and the dump is empty at the end.
void fixed() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  tether::wait_group wg;
  wg.go([ctx] { (void)ctx.done().recv(); });
  wg.go([ctx] {
    while (!tether::sleep(ctx, 1s)) {
    }
  });
  tether::sleep(100ms);
  cancel();
  wg.wait();
  tether::leak::dump(std::cout);
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
