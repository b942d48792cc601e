#pragma clang system_header
#include <condition_variable>
#include <mutex>

class SystemPool {
public:
  void work() {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [this] { return stop_; });
  }
  void stop() {
    stop_ = true;
    cv_.notify_all();
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  bool stop_ = false;
};
