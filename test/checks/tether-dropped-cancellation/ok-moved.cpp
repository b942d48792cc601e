// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Moved out: the new owner takes the obligation. Silent.
struct owner {
  tether::cancel_func cancel;
};

owner make_owner(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  owner result{std::move(cancel)};
  if (cond())
    return result;
  return result;
}

void move_assigned(const context &parent, tether::cancel_func &out) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  out = std::move(cancel);
}