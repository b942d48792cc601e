// RUN: %check_tether %s tether-loop-without-exit %t

// Hand-written thread pools whose workers, started with emplace_back, wait
// on a condition variable for tasks in a loop that nothing can end: no stop
// flag, token or sentinel task. Destroying the pool joins workers that never
// return; detaching them leaks them.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

// The loop in a member function the workers run.
class pool {
public:
  explicit pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { run(); });
  }
  void submit(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(m_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [this] { return !jobs_.empty(); });
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
};

// The loop in the lambda itself, waiting in a while loop of its own.
class inline_pool {
public:
  explicit inline_pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] {
        while (true) {
          std::unique_lock<std::mutex> lock(m_);
          while (jobs_.empty())
            cv_.wait(lock);
          std::function<void()> job = std::move(jobs_.front());
          jobs_.pop_front();
          lock.unlock();
          job();
        }
      });
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
};

// A pool of std::jthread: ~jthread's request_stop() reaches no one.
class jthread_pool {
public:
  jthread_pool() { workers_.emplace_back(&jthread_pool::run, this); }

private:
  void run() {
    while (true) {
      std::unique_lock<std::mutex> lock(m_);
      cv_.wait(lock, [this] { return !jobs_.empty(); });
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::jthread> workers_;
};

// CHECK-MESSAGES: :31:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :31:5: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :19:38: note: 'run' is called from the task here
// CHECK-MESSAGES: :19:16: note: task spawned here
// CHECK-MESSAGES: :54:9: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :54:9: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :53:16: note: task spawned here
// CHECK-MESSAGES: :80:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :80:5: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :76:29: note: std::jthread's destructor requests stop and then joins: the callable takes no 'std::stop_token', so the destructor hangs
