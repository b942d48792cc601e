// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// Waits that return by themselves or take the token; blocking calls in a
// loop that checks no token; a short constant sleep: silent.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <semaphore>
#include <stop_token>
#include <thread>

std::mutex m;
std::condition_variable_any cva;
std::condition_variable cv;
std::counting_semaphore<> sem{0};
bool ready = false;

void timed(std::stop_token tok) {
  using namespace std::chrono_literals;
  std::unique_lock<std::mutex> lock(m);
  while (!tok.stop_requested()) {
    cv.wait_for(lock, 100ms, [] { return ready; });
    (void)sem.try_acquire_for(50ms);
    cva.wait(lock, tok, [] { return ready; });
    std::this_thread::sleep_for(200ms);
  }
}

void no_token_loop() {
  for (int i = 0; i < 3; ++i)
    sem.acquire();
}

void token_not_in_loop(std::stop_token tok) {
  if (tok.stop_requested())
    return;
  sem.acquire();
}
