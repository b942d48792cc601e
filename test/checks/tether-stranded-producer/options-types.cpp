// RUN: %check_tether --check-suffix=OPTS %s tether-stranded-producer %t -- -config="{CheckOptions: {tether-stranded-producer.ConditionVariableTypes: 'base::Condition', tether-stranded-producer.MutexTypes: 'base::MutexLock'}}"
// RUN: %check_tether %s tether-stranded-producer %t

// A project's own condition variable that holds its mutex and waits with
// no argument, notified with notify()/notifyAll() (muduo's Condition), named
// by the options. muduo's ThreadPool before commit 49de149: run() waits for
// room while stop() wakes only the consumers. Without the options (the
// second RUN line), the project's condition variable is not one: silent.
#include <deque>
#include <functional>

namespace base {
class MutexLock {
public:
  void lock();
  void unlock();
};
class MutexLockGuard {
public:
  explicit MutexLockGuard(MutexLock &m);
  ~MutexLockGuard();
};
class Condition {
public:
  explicit Condition(MutexLock &m);
  void wait();
  bool waitForSeconds(double seconds);
  void notify();
  void notifyAll();
};
} // namespace base

class ThreadPool {
public:
  ThreadPool() : notEmpty_(mutex_), notFull_(mutex_) {}

  void run(std::function<void()> task) {
    base::MutexLockGuard lock(mutex_);
    while (isFull()) {
      notFull_.wait();
      // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:7: warning: this wait on 'notFull_' for room in the queue can block forever: 'stop' lets the consumers exit, and the wait neither checks 'running_' nor is woken by 'stop' [tether-stranded-producer]
    }
    queue_.push_back(std::move(task));
    notEmpty_.notify();
  }

  // A timed wait of the project's type is not a wait this check follows.
  void runTimed(std::function<void()> task) {
    base::MutexLockGuard lock(mutex_);
    while (isFull())
      notFull_.waitForSeconds(1);
    queue_.push_back(std::move(task));
    notEmpty_.notify();
  }

  std::function<void()> take() {
    base::MutexLockGuard lock(mutex_);
    while (queue_.empty() && running_)
      notEmpty_.wait();
    std::function<void()> task;
    if (!queue_.empty()) {
      task = queue_.front();
      queue_.pop_front();
      notFull_.notify();
    }
    return task;
  }

  void stop() {
    base::MutexLockGuard lock(mutex_);
    running_ = false;
    notEmpty_.notifyAll();
  }

private:
  bool isFull() const { return queue_.size() >= maxQueueSize_; }

  base::MutexLock mutex_;
  base::Condition notEmpty_;
  base::Condition notFull_;
  std::deque<std::function<void()>> queue_;
  size_t maxQueueSize_ = 4;
  bool running_ = true;
};
