// RUN: %check_tether %s tether-unreleased-wait %t

// The same releaser, waits with a deadline: wait_until, a loop that counts
// its tries, a loop that checks the clock.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex m;
std::condition_variable cv;
bool started = false;
std::atomic<bool> done{false};

void run(bool ok) {
  if (!ok)
    return;
  {
    std::lock_guard<std::mutex> lock(m);
    started = true;
  }
  done = true;
  cv.notify_all();
}

std::cv_status wait_for_start(std::chrono::steady_clock::time_point until) {
  std::unique_lock<std::mutex> lock(m);
  std::cv_status status = std::cv_status::no_timeout;
  while (!started && status == std::cv_status::no_timeout)
    status = cv.wait_until(lock, until);
  return status;
}

bool poll_tries() {
  for (int tries = 0; !done && tries < 100; ++tries)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return done;
}

bool poll_clock() {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (!done && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return done;
}
