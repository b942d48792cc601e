// RUN: %check_tether %s tether-stranded-producer %t --allow-errors

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from half-understood code.
#include <condition_variable>
#include <deque>
#include <mutex>

class Queue {
public:
  void put(int v) {
    std::unique_lock<std::mutex> lock(mu);
    while (items.size() >= capacity_that_does_not_exist)
      room.wait(lock);
    items.push_back(v);
    ready.notify_one();
  }

  void put2(int v) {
    std::unique_lock<std::mutex> lock(mu);
    while (items.size() >= 8)
      room.wait(undeclared_lock);
    items.push_back(v);
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
    UnknownType guard(mu);
    stopped = true;
    ready.notify_all();
  }

  void stop2() {
    stopped = compute_that_does_not_exist();
    ready.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable room;
  std::condition_variable ready;
  std::deque<int> items;
  bool stopped = false;
};
