// Prevention 4: contexts form a tree; cancelling the root stops every
// service derived from it.
#include "example.hpp"

#include <array>
#include <string>

using namespace example;

void run_service(const tether::context &ctx, std::string name) {
  tether::ticker ticker(50ms);
  for (bool stop = false; !stop;)
    tether::select(tether::on_done(ctx, [&] { stop = true; }),
                   tether::on_recv(ticker.chan(), nullptr));
  std::cout << "service " << name << " stopped\n";
}

/// Starts the services with contexts made by `derive` from the root.
template <class Derive>
void manage(const tether::context &root, Derive derive) {
  const std::array<std::string, 3> names{"web-server", "db-connector",
                                         "message-processor"};
  tether::wait_group services;
  for (const auto &name : names) {
    auto [ctx, cancel] = derive(root);
    services.go([ctx, cancel, name] {
      run_service(ctx, name);
      cancel();
    });
  }
  (void)root.done().recv();
  services.wait(); // leaky: waits forever, and so does the manager
}

// Leaky: the services derive from background(), not from the root, so the
// root's cancellation never reaches them.
void leaky() {
  auto [root, cancel_root] = tether::with_cancel(tether::background());
  tether::go("manager", [root] {
    manage(root, [](const tether::context &) {
      return tether::with_cancel(tether::background());
    });
  });
  tether::sleep(200ms);
  cancel_root();
}

// Fixed: each service context is a child of the root.
void fixed() {
  auto [root, cancel_root] = tether::with_cancel(tether::background());
  tether::wait_group wg;
  wg.go([root] {
    manage(root, [](const tether::context &parent) {
      return tether::with_cancel(parent);
    });
  });
  tether::sleep(200ms);
  cancel_root();
  wg.wait();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
