#pragma clang system_header
#include <atomic>
#include <thread>

class SystemWorker {
public:
  void run(bool cancelled) {
    busy_ = true;
    if (cancelled)
      return;
    busy_ = false;
  }
  void drain() {
    while (busy_)
      std::this_thread::yield();
  }

private:
  std::atomic<bool> busy_{false};
};
