// Prevention 1: with_cancel. Workers run until their context is cancelled.
#include "example.hpp"

#include <string>

using namespace example;

void controlled_worker(const tether::context &ctx, const std::string &name) {
  tether::ticker ticker(100ms);
  for (bool stop = false; !stop;)
    tether::select(tether::on_done(ctx,
                                   [&] {
                                     std::cout << name << " stops: "
                                               << ctx.err().message() << '\n';
                                     stop = true;
                                   }),
                   tether::on_recv(ticker.chan(), nullptr));
}

// Leaky: the cancel function is never called, so the workers never stop.
void leaky() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  for (int i = 0; i < 3; ++i)
    tether::go("worker", [ctx, i] {
      controlled_worker(ctx, "worker-" + std::to_string(i));
    });
  tether::sleep(300ms);
}

// Fixed: cancel, then wait for every worker to leave.
void fixed() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  tether::wait_group wg;
  for (int i = 0; i < 3; ++i)
    wg.go([ctx, i] { controlled_worker(ctx, "worker-" + std::to_string(i)); });
  tether::sleep(300ms);
  cancel();
  wg.wait();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
