// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// The stop path requests stop and then releases / notifies what the worker
// waits on: silent.
#include <condition_variable>
#include <mutex>
#include <semaphore>
#include <stop_token>
#include <thread>

class Pool {
public:
  void stop() {
    thread_.request_stop();
    jobs_.release();
    thread_.join();
  }
  ~Pool() {
    worker2_.request_stop();
    cv_.notify_all();
  }

private:
  void run(std::stop_token s) {
    while (!s.stop_requested())
      jobs_.acquire();
  }
  void run2(std::stop_token s) {
    std::unique_lock<std::mutex> lock(m_);
    while (!s.stop_requested())
      cv_.wait(lock);
  }
  std::counting_semaphore<8> jobs_{0};
  std::mutex m_;
  std::condition_variable cv_;
  std::jthread thread_, worker2_;
};
