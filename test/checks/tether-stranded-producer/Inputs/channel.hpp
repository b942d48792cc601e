// A bounded channel with predicate waits and an atomic running flag that
// shutdown() clears with store() and that the receivers check. The tests
// define send().
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <queue>

class Channel {
public:
  void send(int value);
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
