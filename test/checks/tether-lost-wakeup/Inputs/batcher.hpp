// A batcher whose worker loop checks `stopped_` only in its condition and
// sometimes releases its lock on the way to the wait: the waiter-side
// tests write the loop in different ways.
#include <condition_variable>
#include <deque>
#include <mutex>

class Batcher {
public:
  void run();
  void stop() {
    std::lock_guard<std::mutex> guard(mutex_);
    stopped_ = true;
    cv_.notify_all();
  }

private:
  // Sends the queued batch with the lock released.
  void flush(std::unique_lock<std::mutex> &lock) {
    std::deque<int> batch;
    batch.swap(queue_);
    lock.unlock();
    deliver(batch);
    lock.lock();
  }
  // Reads the queue, keeping the lock.
  bool ready(std::unique_lock<std::mutex> &lock) const {
    return lock.owns_lock() && !queue_.empty();
  }
  void deliver(const std::deque<int> &batch);

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<int> queue_;
  bool stopped_ = false;
};
