// RUN: %check_tether %s tether-loop-without-exit %t -- -- -I%S

// Coroutine loops that suspend (the frame can be destroyed while parked) or
// co_return are not reported.
#include <tether/tether.hpp>

#include "Inputs/coroutine.hpp"

void handle();
bool finished();

fire_and_forget event_loop() {
  while (true) {
    co_await next_event{};
    handle();
  }
}

fire_and_forget until_finished() {
  for (;;) {
    handle();
    if (finished())
      co_return;
  }
}

void start() {
  tether::go{event_loop}; // braces: `go(f);` would declare a variable
  tether::go{until_finished};
}
