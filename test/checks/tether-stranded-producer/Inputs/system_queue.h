#pragma clang system_header
// A bounded queue with a stranded producer, in a system header.
#include <condition_variable>
#include <deque>
#include <mutex>

class SystemQueue {
public:
  void put(int v) {
    std::unique_lock<std::mutex> lock(mu);
    while (items.size() >= 8)
      room.wait(lock);
    items.push_back(v);
    ready.notify_one();
  }
  bool get(int &v) {
    std::unique_lock<std::mutex> lock(mu);
    while (items.empty() && !stopped)
      ready.wait(lock);
    if (stopped)
      return false;
    v = items.front();
    items.pop_front();
    room.notify_one();
    return true;
  }
  void stop() {
    std::lock_guard<std::mutex> lock(mu);
    stopped = true;
    ready.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable room;
  std::condition_variable ready;
  std::deque<int> items;
  bool stopped = false;
};
