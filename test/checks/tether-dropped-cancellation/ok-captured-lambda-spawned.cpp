// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Captured by a lambda that is spawned: the task cancels. Silent.
#include <thread>

void spawned(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  tether::go([cancel] { cancel(); });
  if (cond())
    return;
}

void threaded(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  std::thread worker([=] {
    (void)ctx.err();
    cancel();
  });
  worker.detach();
}

void waited(const context &parent, tether::wait_group &wg) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  wg.go([cancel] { cancel(); });
}