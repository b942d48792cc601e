// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// An untimed std::condition_variable::wait between token checks.
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

std::mutex m;
std::condition_variable cv;
bool ready = false;

void worker(std::stop_token token) {
  while (!token.stop_requested()) {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [] { return ready; });
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'wait' blocks in a call that a stop request cannot interrupt: the worker checks its stop token only between waits, so request_stop() and join() hang while it waits [tether-uninterruptible-wait]
    ready = false;
  }
}

void start() { std::jthread t(worker); }
