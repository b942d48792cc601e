// RUN: %check_tether %s tether-loop-without-exit %t

// A queue worker that waits for work and never for a stop request: blocking
// is not an exit, and nothing can tell this thread to finish.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

class Pool {
public:
  Pool() {
    worker_ = std::thread([this] {
      for (;;) {
        // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
        std::function<void()> job;
        {
          std::unique_lock lock(mutex_);
          ready_.wait(lock, [this] { return !jobs_.empty(); });
          job = std::move(jobs_.front());
          jobs_.pop_front();
        }
        job();
      }
    });
  }
  ~Pool() { worker_.join(); } // never returns

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::thread worker_;
};
