// RUN: %check_tether %s tether-loop-without-exit %t

// A plain bool member read beside a mutex or a condition variable: the
// lock orders the accesses in practice, and the loop does stop. (The read in
// the condition is still outside the lock; TSan, not this check, is the
// tool for that.)
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

class Queue {
public:
  void start() {
    worker_ = std::thread([this] {
      while (!stop_) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stop_ || !items_.empty(); });
        while (!items_.empty())
          items_.pop_front();
      }
    });
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
    worker_.join();
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<int> items_;
  bool stop_ = false;
  std::thread worker_;
};
