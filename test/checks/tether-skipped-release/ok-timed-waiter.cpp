// RUN: %check_tether %s tether-skipped-release %t

// The waiter has a deadline: a skipped release delays it, it does not hang.
#include <chrono>
#include <condition_variable>
#include <mutex>

class Batch {
public:
  void submit(bool skip) {
    std::lock_guard<std::mutex> lock(m_);
    in_flight_ = true;
    if (skip)
      return;
    in_flight_ = false;
    cv_.notify_all();
  }

  bool flush() {
    std::unique_lock<std::mutex> lock(m_);
    return cv_.wait_for(lock, std::chrono::seconds(1),
                        [this] { return !in_flight_; });
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  bool in_flight_ = false;
};
