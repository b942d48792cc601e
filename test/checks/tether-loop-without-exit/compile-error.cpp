// RUN: %check_tether %s tether-loop-without-exit %t --allow-errors

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from a half-understood task.
#include <tether/tether.hpp>

void start() {
  tether::go([] {
    while (undeclared_flag)
      step_that_does_not_exist();
  });
  tether::go([] {
    for (;;)
      UnknownType value = 1;
  });
}

// Issue 24's shapes, mid-edit: a pool's worker whose exit does not compile
// yet, and a throw caught inside a loop of an unknown type.
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

class half_pool {
public:
  half_pool() {
    workers_.emplace_back([this] { run(); });
  }

private:
  void run() {
    for (;;) {
      std::unique_lock<std::mutex> lock(m_);
      cv_.wait(lock);
      if (stop_flag_that_does_not_exist)
        return;
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<std::thread> workers_;
};

void start_throwing() {
  std::thread([] {
    for (;;) {
      try {
        throw UnknownError();
      } catch (...) {
      }
    }
  }).detach();
}
