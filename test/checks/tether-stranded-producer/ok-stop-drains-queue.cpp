// RUN: %check_tether %s tether-stranded-producer %t

// stop() empties the queue itself: the producer's condition reads what
// the stop path changes, so the producer is not left without room.
#include <condition_variable>
#include <deque>
#include <mutex>

class BoundedQueue {
public:
  void push(int value) {
    std::unique_lock<std::mutex> lock(mu);
    while (items.size() >= 8)
      not_full.wait(lock);
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
    items.clear();
    not_empty.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable not_full;
  std::condition_variable not_empty;
  std::deque<int> items;
  bool stopped = false;
};
