// RUN: %check_tether %s tether-lost-wakeup %t

// The write and the notification inside a lambda, and inside a class
// template (reported once, in the template as written).
#include <condition_variable>
#include <mutex>
#include <thread>

void lambda_writer() {
  std::mutex m;
  std::condition_variable cv;
  bool go = false;
  std::thread signaller([&] {
    go = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'go' is written without holding 'm', the mutex 'cv' waits with: a waiter that has checked 'go' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
    cv.notify_all();
  });
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [&] { return go; });
  lock.unlock();
  signaller.join();
}

template <class T> class Channel {
public:
  void close() {
    closed_ = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'closed_' is written without holding 'mutex_', the mutex 'cv_' waits with: a waiter that has checked 'closed_' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
    cv_.notify_all();
  }
  T take() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return closed_ || has_; });
    has_ = false;
    return value_;
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool closed_ = false;
  bool has_ = false;
  T value_{};
};

template class Channel<int>;
template class Channel<double>;
