#pragma clang system_header
#include <atomic>
#include <thread>

class SystemGate {
public:
  void open(bool ok) {
    if (!ok)
      return;
    open_ = true;
  }
  void pass() {
    while (!open_)
      std::this_thread::yield();
  }

private:
  std::atomic<bool> open_{false};
};
