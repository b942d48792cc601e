#pragma clang system_header
// A system header's class with the shape: not reported.
#include <atomic>
#include <thread>

class SystemPool {
public:
  void start() {
    worker_ = std::thread([this] {
      for (;;)
        ++ticks_;
    });
  }
  void stop() {
    running_ = false;
    worker_.join();
  }

private:
  std::atomic<bool> running_{true};
  std::atomic<long> ticks_{0};
  std::thread worker_;
};
