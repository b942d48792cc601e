// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Stored in a container: handed off. Silent.
#include <map>
#include <vector>

void in_vector(const context &parent, std::vector<tether::cancel_func> &all) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  all.push_back(cancel);
  if (cond())
    return;
}

void in_map(const context &parent, std::map<int, tether::cancel_func> &all) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  all[1] = cancel;
}

void emplace_moved(const context &parent,
                   std::vector<tether::cancel_func> &all) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  all.emplace_back(std::move(cancel));
}