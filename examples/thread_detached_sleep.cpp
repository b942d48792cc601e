// A detached thread sleeping far past the caller's interest: nothing can
// wake or stop it. The fix sleeps on a condition variable with a stop
// flag, so the owner can end it (and joins it instead of detaching).
#include "example.hpp"

#include <pthread.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace example;

// Leaky: a periodic job that sleeps an hour between rounds, detached.
void leaky() {
  std::thread([] {
    pthread_setname_np(pthread_self(), "hourly-job");
    for (;;)
      std::this_thread::sleep_for(std::chrono::hours(1));
  }).detach();
}

// Fixed: the wait between rounds ends on request.
void fixed() {
  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
  std::thread job([&] {
    pthread_setname_np(pthread_self(), "hourly-job");
    std::unique_lock lock(mutex);
    while (
        !wake.wait_for(lock, std::chrono::hours(1), [&] { return stopping; })) {
    }
  });
  {
    std::lock_guard lock(mutex);
    stopping = true;
  }
  wake.notify_one();
  job.join();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
