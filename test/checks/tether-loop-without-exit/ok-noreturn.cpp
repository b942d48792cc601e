// RUN: %check_tether %s tether-loop-without-exit %t

// A loop that ends the program through a [[noreturn]] call (here or in a
// function it calls) does not leak a task.
#include <cstdlib>
#include <thread>

bool healthy();
void fatal(const char *why) { std::abort(); }

void start_watchdog() {
  std::thread([] {
    for (;;)
      if (!healthy())
        std::exit(1);
  }).detach();
  std::thread([] {
    while (true)
      if (!healthy())
        fatal("unhealthy");
  }).detach();
}
