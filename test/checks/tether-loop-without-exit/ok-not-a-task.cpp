// RUN: %check_tether %s tether-loop-without-exit %t

// Loops outside task bodies are not this check's business (see
// bugprone-infinite-loop): the function is never spawned, and a callable
// passed to a function that is not a spawn site is not a task.
#include <functional>

void step();

void event_loop() {
  while (true)
    step();
}

void run_inline(const std::function<void()> &f) { f(); }

void caller() {
  run_inline([] {
    for (;;)
      step();
  });
}
