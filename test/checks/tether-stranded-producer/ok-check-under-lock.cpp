// RUN: %check_tether %s tether-stranded-producer %t

// The producer checks the stop flag under the lock that guards its push:
// the consumers cannot drain and exit between the check and the push.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(size_t threads) {
    for (size_t i = 0; i < threads; ++i)
      workers.emplace_back([this] {
        for (;;) {
          std::unique_lock<std::mutex> lock(queue_mutex);
          while (!stop && tasks.empty())
            condition.wait(lock);
          if (stop && tasks.empty())
            return;
          std::function<void()> task = std::move(tasks.front());
          tasks.pop();
          lock.unlock();
          task();
        }
      });
  }

  // progschj's fix: the stop check under the lock that guards the push.
  void enqueue(std::function<void()> f) {
    {
      std::unique_lock<std::mutex> lock(queue_mutex);
      if (stop)
        throw std::runtime_error("enqueue on stopped Pool");
      tasks.emplace(std::move(f));
    }
    condition.notify_one();
  }

  // The same with a manual lock()/unlock() pair.
  bool try_enqueue(std::function<void()> f) {
    queue_mutex.lock();
    if (stop) {
      queue_mutex.unlock();
      return false;
    }
    tasks.push(std::move(f));
    queue_mutex.unlock();
    condition.notify_one();
    return true;
  }

  // No stop check at all: not this shape (and nothing to move under a lock).
  void post(std::function<void()> f) {
    std::lock_guard<std::mutex> lock(queue_mutex);
    tasks.push(std::move(f));
    condition.notify_one();
  }

  // The flag read outside the lock, but not as a guard of the push.
  void log_and_enqueue(std::function<void()> f) {
    bool was_stopped = stop;
    (void)was_stopped;
    std::lock_guard<std::mutex> lock(queue_mutex);
    if (stop)
      return;
    tasks.push(std::move(f));
    condition.notify_one();
  }

  ~Pool() {
    {
      std::unique_lock<std::mutex> lock(queue_mutex);
      stop = true;
    }
    condition.notify_all();
    for (std::thread &worker : workers)
      worker.join();
  }

private:
  std::vector<std::thread> workers;
  std::queue<std::function<void()>> tasks;
  std::mutex queue_mutex;
  std::condition_variable condition;
  bool stop = false;
};
