// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Passed to a function: the callee takes the obligation over. Silent.
void register_cancel(tether::cancel_func f);
void register_ref(const tether::cancel_func &f);

void passed(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  register_cancel(cancel);
  if (cond())
    return;
}

void passed_ref(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 1s);
  register_ref(cancel);
}

void passed_moved(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 1s);
  register_cancel(std::move(cancel));
}