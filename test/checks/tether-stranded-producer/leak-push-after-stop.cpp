// RUN: %check_tether %s tether-stranded-producer %t

// progschj/ThreadPool before commit 588b59c: enqueue() checks `stop` before
// it takes the lock that guards the push. The destructor can set `stop` in
// between, the workers drain the queue and exit, and the task pushed next is
// never run: its future never becomes ready.
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

  void enqueue(std::function<void()> f) {
    if (stop)
      throw std::runtime_error("enqueue on stopped Pool");
    {
      std::unique_lock<std::mutex> lock(queue_mutex);
      tasks.push(std::move(f));
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: work pushed to 'tasks' after its consumers have exited is never taken: 'stop' is checked without holding 'queue_mutex', the lock that guards the push [tether-stranded-producer]
      // CHECK-MESSAGES: :35:9: note: 'stop' is checked here; check it after taking the lock, in the same critical section as the push
      // CHECK-MESSAGES: :51:12: note: '~Pool' sets 'stop' here and wakes the consumers
      // CHECK-MESSAGES: :22:19: note: the consumers check 'stop' here and exit
    }
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
