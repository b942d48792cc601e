// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Tasks that use the token they are given. Silent.
#include <future>
#include <thread>

void step(std::stop_token);

void forwards() {
  std::jthread a([](std::stop_token token) { step(token); });
  std::jthread b([](std::stop_token token) {
    std::stop_callback on_stop(token, [] {});
    step({});
  });
  auto f = std::async([](context ctx) { return ctx.err(); },
                      tether::background());
}