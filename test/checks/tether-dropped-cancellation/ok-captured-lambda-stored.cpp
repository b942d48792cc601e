// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Captured by a lambda that is stored or returned: handed off. Silent.
#include <functional>

struct cleanup_list {
  std::vector<std::function<void()>> items;
};

void stored(const context &parent, cleanup_list &list) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  list.items.push_back([cancel] { cancel(); });
  if (cond())
    return;
}

std::function<void()> returned(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  return [cancel] { cancel(); };
}

auto returned_local_lambda(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  auto stop = [cancel] { cancel(); };
  return stop;
}