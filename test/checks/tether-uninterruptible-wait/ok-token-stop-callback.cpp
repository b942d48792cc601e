// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// A std::stop_callback on the token releases the semaphore: silent.
#include <semaphore>
#include <stop_token>

std::binary_semaphore ready{0};

void worker(std::stop_token token) {
  std::stop_callback wake(token, [] { ready.release(); });
  while (!token.stop_requested())
    ready.acquire();
}
