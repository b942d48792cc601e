// RUN: %check_tether %s tether-detached-thread %t

// Detached loops that a stop signal ends, directly or through a helper, and
// bounded loops. Silent.
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

void poll_device();
std::atomic<bool> g_quit{false};

bool should_stop(const std::atomic<bool> &flag) { return flag.load(); }

void observes_global() {
  std::thread([] {
    while (!g_quit)
      poll_device();
  }).detach();
}

void observes_through_helper() {
  auto quit = std::make_shared<std::atomic<bool>>(false);
  std::thread([quit] {
    for (;;) {
      if (should_stop(*quit))
        break;
      poll_device();
    }
  }).detach();
}

void bounded(std::vector<int> items) {
  std::thread([items] {
    for (int item : items)
      (void)item;
    for (int i = 0; i < 10; ++i)
      poll_device();
  }).detach();
}

void joined_not_detached() {
  std::thread worker([] {
    for (;;)
      poll_device();
  });
  worker.join();
}
