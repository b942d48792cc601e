// RUN: %check_tether %s tether-unreleased-wait %t

// wait_for_start() waits, without a deadline, until run() has announced the
// start; run() validates first, and validation throws on a bad
// configuration: the announcement never comes and the waiter hangs.
#include <condition_variable>
#include <mutex>
#include <stdexcept>

class App {
public:
  void run() {
    validate();
    notify_started();
    serve();
  }

  void wait_for_start() {
    std::unique_lock<std::mutex> lock(start_mutex_);
    while (!started_)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: wait for 'started_' has no deadline, and 'run' can leave without releasing it [tether-unreleased-wait]
      start_cv_.wait(lock);
  }

private:
  void validate() {
    if (port_ == 0)
      throw std::runtime_error("no port");
  }
  void notify_started() {
    std::lock_guard<std::mutex> lock(start_mutex_);
    started_ = true;
    start_cv_.notify_all();
  }
  void serve();

  int port_ = 0;
  bool started_ = false;
  std::condition_variable start_cv_;
  std::mutex start_mutex_;
};
