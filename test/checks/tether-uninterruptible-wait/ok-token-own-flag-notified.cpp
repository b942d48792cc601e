// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// The worker checks its token and its own flag; stop() sets the flag and
// then notifies: the stop path releases the wait. Silent. A notify before
// the flag is written does not count (reported).
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>

class Queue {
public:
  void run(std::stop_token tok) {
    std::unique_lock<std::mutex> lock(m_);
    while (!tok.stop_requested() && !done_) {
      cv_.wait(lock, [this] { return done_ || !items_.empty(); });
      items_.clear();
    }
  }
  void stop() {
    {
      std::lock_guard<std::mutex> g(m_);
      done_ = true;
    }
    cv_.notify_all();
  }

  void run2(std::stop_token tok) {
    std::unique_lock<std::mutex> lock(m_);
    while (!tok.stop_requested() && !quit_)
      cv2_.wait(lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'wait' blocks in a call that a stop request cannot interrupt
  }
  void stop2() {
    cv2_.notify_all();
    quit_ = true;
  }

private:
  std::mutex m_;
  std::condition_variable cv_, cv2_;
  std::deque<int> items_;
  bool done_ = false, quit_ = false;
};
