// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;

// A task that holds the cancel function is the canceller: telling it to stop
// through the context it cancels would change nothing. Silent.
void cancel_later(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  tether::go([cancel] {
    tether::sleep(5ms);
    cancel();
  });
  (void)tether::sleep(ctx, 1s);
  cancel();
}

// A task that reaches the cancellation through an accessor (errgroup's
// context()) has it. Silent.
void group_task(const context &parent) {
  tether::group g(parent);
  g.go([&g]() -> std::error_code {
    (void)g.context().done().recv();
    return g.context().err();
  });
  (void)g.wait();
}
