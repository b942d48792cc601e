// RUN: %check_tether %s tether-detached-thread %t --allow-errors

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from a half-understood thread.
#include <thread>

void start() {
  std::thread([] {
    for (;;)
      undeclared_step();
  }).detach();
  std::thread([&missing] { use(missing); }).detach();
  std::thread(unknown_function).detach();
}
