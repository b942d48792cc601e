// RUN: %check_tether %s tether-stranded-producer %t

// A timed wait wakes up by itself.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

class BoundedQueue {
public:
  void push(int value) {
    std::unique_lock<std::mutex> lock(mu);
    while (items.size() >= 8)
      not_full.wait_for(lock, std::chrono::milliseconds(10));
    items.push_back(value);
    not_empty.notify_one();
  }

  bool pop(int &out) {
    std::unique_lock<std::mutex> lock(mu);
    while (items.empty() && !stopped)
      not_empty.wait(lock);
    if (items.empty())
      return false;
    out = items.front();
    items.pop_front();
    not_full.notify_one();
    return true;
  }

  void stop() {
    std::lock_guard<std::mutex> lock(mu);
    stopped = true;
    not_empty.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable not_full;
  std::condition_variable not_empty;
  std::deque<int> items;
  bool stopped = false;
};
