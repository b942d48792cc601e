// RUN: %check_tether %s tether-stranded-producer %t

// Without the options, a project's condition variable is not one: silent.
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
