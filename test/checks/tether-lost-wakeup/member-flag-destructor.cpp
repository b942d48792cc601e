// RUN: %check_tether %s tether-lost-wakeup %t

// progschj/ThreadPool before commit e398e2d: the destructor sets `stop`
// without the queue's mutex and notifies. A worker that has just seen
// `!stop && tasks.empty()` and not yet blocked misses the notification, and
// the join below never returns.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(size_t Threads) {
    for (size_t I = 0; I < Threads; ++I)
      workers.emplace_back([this] {
        for (;;) {
          std::function<void()> task;
          {
            std::unique_lock<std::mutex> lock(queue_mutex);
            while (!stop && tasks.empty())
              condition.wait(lock);
            if (stop && tasks.empty())
              return;
            task = std::move(tasks.front());
            tasks.pop();
          }
          task();
        }
      });
  }

  ~ThreadPool() {
    stop = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'stop' is written without holding 'queue_mutex', the mutex 'condition' waits with: a waiter that has checked 'stop' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
    // CHECK-MESSAGES: :23:21: note: the waiter checks 'stop' here, holding 'queue_mutex', and then waits on 'condition'
    condition.notify_all();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: note: 'condition' is notified here; write 'stop' while holding 'queue_mutex', or lock 'queue_mutex' after the write and before notifying
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
