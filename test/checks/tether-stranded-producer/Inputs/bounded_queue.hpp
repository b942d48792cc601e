// A bounded queue of a mutex and two condition variables whose consumer
// (pop) exits once `stopped` is set and the queue is empty. The tests
// define push() and stop() in the ways a producer and a stop path are
// written.
#include <condition_variable>
#include <deque>
#include <mutex>

class BoundedQueue {
public:
  void push(int value);
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
  void stop();

private:
  std::mutex mu;
  std::condition_variable not_full;
  std::condition_variable not_empty;
  std::deque<int> items;
  bool stopped = false;
};
