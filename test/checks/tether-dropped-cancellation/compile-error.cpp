// RUN: %check_tether --allow-errors %s tether-dropped-cancellation %t
// Code with errors (as in an editor while typing): no crash.
#include <tether/tether.hpp>

void broken(const tether::context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent, undeclared_thing);
  auto [a, b] = tether::with_timeout(parent);
  tether::go([&] { ctx.missing_member(); });
  std::jthread t([](std::stop_token) { while (true) {} }
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: task takes a stop token but never uses it
  if (cond())
    return;
}

void also_broken(const tether::context &ctx, tether::chan<int> ch) {
  ch.send(;
  int x = ;
}
