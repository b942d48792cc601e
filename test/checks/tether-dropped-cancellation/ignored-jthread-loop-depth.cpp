// RUN: %check_tether %s tether-dropped-cancellation %t
// A std::jthread whose callable takes no stop token and reaches, three calls
// down, a loop that never exits; and one whose loop below can end.
#include <atomic>
#include <thread>

std::atomic<long> counter;
bool cond();

void spin() {
  for (;;)
    counter.fetch_add(1);
}
void middle() { spin(); }
void outer() { middle(); }

void ends() {
  for (;;) {
    if (cond())
      break;
  }
}
void ends_middle() { ends(); }

void start() {
  std::jthread worker([] { outer(); });
  std::jthread fine([] { ends_middle(); });
}

// CHECK-MESSAGES: :26:16: warning: std::jthread runs a loop that never exits and its callable takes no std::stop_token; the destructor's request_stop cannot reach it and join hangs [tether-dropped-cancellation]
// CHECK-MESSAGES: :11:3: note: this loop never exits
