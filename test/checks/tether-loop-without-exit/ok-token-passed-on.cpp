// RUN: %check_tether %s tether-loop-without-exit %t

// The loop hands its context or stop token to a function that may act on
// it, or calls a function that checks the task's token member: cancellation
// can reach the loop.
#include <tether/tether.hpp>

#include <stop_token>
#include <thread>

void step(const tether::context &ctx);
void step(std::stop_token token);

void start(tether::context ctx) {
  tether::go([ctx] {
    while (true)
      step(ctx);
  });
  std::jthread([](std::stop_token token) {
    for (;;)
      step(token);
  }).detach();
}

class Pump {
public:
  explicit Pump(std::stop_token token) : token_(token) {}
  void start() {
    std::thread([this] {
      while (true)
        pump_once();
    }).detach();
  }

private:
  void pump_once() {
    if (token_.stop_requested())
      throw 0;
  }
  std::stop_token token_;
};
