// RUN: %check_tether %s tether-loop-without-exit %t

// A std::jthread whose loop checks its stop token; a condition variable
// wait that takes the token; a std::stop_source polled by a thread.
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

void poll();

void start() {
  std::jthread checks([](std::stop_token token) {
    while (!token.stop_requested())
      poll();
  });
  std::jthread waits([](std::stop_token token) {
    std::mutex m;
    std::condition_variable_any cv;
    for (;;) {
      std::unique_lock lock(m);
      if (!cv.wait(lock, token, [] { return false; }))
        return;
    }
  });
}

void polls(std::stop_source source) {
  std::thread([source] {
    while (true) {
      if (source.stop_requested())
        break;
      poll();
    }
  }).detach();
}
