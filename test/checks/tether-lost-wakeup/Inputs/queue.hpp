// A worker queue whose waiter checks `stop_` and `items_` under `mutex_`:
// the safe tests write them in different ways.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

class Queue {
public:
  void work() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return stop_ || !items_.empty(); });
  }
  void stop();
  void push(int Item);

private:
  void setStop();
  void noteStop();
  std::mutex mutex_;
  std::mutex other_;
  std::condition_variable cv_;
  std::condition_variable idle_;
  std::deque<int> items_;
  bool stop_ = false;
  int pushed_ = 0;
};
