// A std::jthread spinning on an atomic flag nobody sets: std::jthread's
// destructor requests a stop, but a loop that never looks at its
// stop_token cannot hear it. The runtime shows the thread as running.
#include "example.hpp"

#include <pthread.h>

#include <atomic>
#include <thread>

using namespace example;

namespace {

struct poller {
  std::atomic<bool> done{false}; // nobody ever sets it
  std::jthread worker;
};

} // namespace

// Leaky: polls a flag of its own; the poller is never destroyed (~jthread
// would wait for the loop forever).
void leaky() {
  auto *p = new poller;
  p->worker = std::jthread([p] {
    pthread_setname_np(pthread_self(), "spinner");
    while (!p->done.load(std::memory_order_relaxed)) {
    }
  });
}

// Fixed: the loop polls its stop_token; ~jthread requests stop and joins.
void fixed() {
  std::jthread spinner([](std::stop_token stop) {
    pthread_setname_np(pthread_self(), "spinner");
    while (!stop.stop_requested()) {
    }
  });
  std::this_thread::sleep_for(10ms);
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
