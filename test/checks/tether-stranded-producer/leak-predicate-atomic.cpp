// RUN: %check_tether %s tether-stranded-producer %t

// The same shape with predicate waits and an atomic flag that shutdown()
// clears with store(): the producer's predicate asks only for room.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <queue>

class Channel {
public:
  void send(int value) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [this] { return !full(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this wait on 'not_full_' for room in the queue can block forever: 'shutdown' lets the consumers exit, and the wait neither checks 'running_' nor is woken by 'shutdown' [tether-stranded-producer]
    items_.push(value);
    not_empty_.notify_one();
  }

  bool receive(int &out) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [this] { return !items_.empty() || !running_; });
    if (items_.empty())
      return false;
    out = items_.front();
    items_.pop();
    not_full_.notify_all();
    return true;
  }

  void shutdown() {
    running_.store(false);
    std::lock_guard<std::mutex> lock(mu_);
    not_empty_.notify_all();
  }

private:
  bool full() const { return items_.size() >= 8; }

  std::mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::queue<int> items_;
  std::atomic<bool> running_{true};
};
