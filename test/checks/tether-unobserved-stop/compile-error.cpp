// RUN: %check_tether %s tether-unobserved-stop %t --allow-errors -- -- -std=c++20

// Code that does not compile: no crash, no diagnostic from half-understood
// code.
#include <atomic>
#include <thread>

class Broken {
public:
  void start() {
    worker_ = std::thread([this] {
      for (;;)
        undeclared_call(running_);
    });
  }
  void stop() {
    running_ = false;
    worker_.join();
  }

private:
  std::atomic<bool> running_{true};
  std::thread worker_;
};
