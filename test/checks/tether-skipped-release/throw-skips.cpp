// RUN: %check_tether %s tether-skipped-release %t

// A condition waiter's predicate reads `in_flight_`; submit() raises and
// lowers it, and its throw skips the lowering.
#include <condition_variable>
#include <mutex>
#include <stdexcept>

class Batch {
public:
  void submit(int n) {
    {
      std::lock_guard<std::mutex> lock(m_);
      in_flight_ = true;
    }
    if (n < 0)
      throw std::invalid_argument("negative");
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: throw skips the release of 'in_flight_' that 'submit' makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
    std::lock_guard<std::mutex> lock(m_);
    in_flight_ = false;
    cv_.notify_all();
  }

  void flush() {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [this] { return !in_flight_; });
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  bool in_flight_ = false;
};
