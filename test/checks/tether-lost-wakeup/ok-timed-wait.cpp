// RUN: %check_tether %s tether-lost-wakeup %t

// A timed wait wakes up by itself and re-checks its predicate: a missed
// notification delays it by one timeout, it does not hang. Not reported.
#include <chrono>
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void poller() {
  std::unique_lock<std::mutex> lock(m);
  while (!cv.wait_for(lock, std::chrono::milliseconds(100),
                      [] { return ready; })) {
  }
  while (!ready)
    cv.wait_until(lock,
                  std::chrono::steady_clock::now() + std::chrono::seconds(1));
}

void producer() {
  ready = true;
  cv.notify_one();
}
