// RUN: %check_tether %s tether-stranded-producer %t

// The consumers never notify 'not_full': it is not the room of this queue
// (here, a resume signal from elsewhere), so this check has nothing to say.
#include <condition_variable>
#include <deque>
#include <mutex>

class BoundedQueue {
public:
  void push(int value) {
    std::unique_lock<std::mutex> lock(mu);
    while (paused)
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
  bool paused = false;
  void resume() {
    std::lock_guard<std::mutex> lock(mu);
    paused = false;
    not_full.notify_all();
  }
};
