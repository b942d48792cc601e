// RUN: %check_tether %s tether-stranded-producer %t

// A bounded queue built from a mutex and two condition variables. stop()
// sets `stopped` and wakes the consumers, which exit; a producer blocked in
// push() on a full queue waits for room that only a consumer makes, and no
// consumer is left. Its wait does not check `stopped`, and stop() does not
// notify `not_full`.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

class BoundedQueue {
public:
  void push(std::function<void()> task) {
    std::unique_lock<std::mutex> lock(mu);
    while (tasks.size() >= capacity)
      not_full.wait(lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: this wait on 'not_full' for room in the queue can block forever: 'stop' lets the consumers exit, and the wait neither checks 'stopped' nor is woken by 'stop' [tether-stranded-producer]
    // CHECK-MESSAGES: :31:32: note: the consumers check 'stopped' here and exit
    // CHECK-MESSAGES: :37:16: note: only the consumers make room: they notify 'not_full' here
    // CHECK-MESSAGES: :46:15: note: 'stop' sets 'stopped' here and wakes the consumers; check 'stopped' in the wait's condition, or notify 'not_full' after setting it
    tasks.push_back(std::move(task));
    not_empty.notify_one();
  }

  bool consume_one() {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu);
      while (tasks.empty() && !stopped)
        not_empty.wait(lock);
      if (stopped)
        return false;
      task = std::move(tasks.front());
      tasks.pop_front();
      not_full.notify_one();
    }
    task();
    return true;
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stopped = true;
    }
    not_empty.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable not_full;
  std::condition_variable not_empty;
  std::deque<std::function<void()>> tasks;
  size_t capacity = 16;
  bool stopped = false;
};
