// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A named stop_callback lives to the end of its scope. Silent.
#include <optional>

void on_stop(std::stop_token token) {
  std::stop_callback named(token, [] {});
  auto also = std::stop_callback(token, [] {});
  std::optional<std::stop_callback<void (*)()>> later;
  later.emplace(token, +[] {});
}