// RUN: %check_tether %s tether-loop-without-exit %t

// Program-lifetime workers: a task spawned directly from main
// (IgnoreTasksSpawnedFromMain) and a loop written inside main, even in a task
// a nested task spawns (IgnoreLoopsInMain). Both are on by default.
#include <tether/tether.hpp>

#include <thread>

void heartbeat();
void serve_forever_loop() {
  for (;;)
    heartbeat();
}

int main() {
  tether::go{serve_forever_loop}; // braces: `go(f);` would declare a variable
  tether::go([] {
    tether::go([] {
      while (true)
        heartbeat();
    });
  });
  std::thread([] {
    while (true)
      heartbeat();
  }).detach();
  while (true)
    heartbeat();
}
