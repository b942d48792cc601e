// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The waiter is in another file, and each of these closes the window or
// gives no evidence of it: silent.
#include "attempt.hpp"
// The same shape in a system header.
#include "system_attempt.h"

// The usual fix: an empty critical section between the write and the
// notification (the waiter either blocked before it or checks after it).
void empty_section(attempt &A) {
  --A.pulling;
  { std::lock_guard<std::mutex> Sync(A.mutex); }
  A.condition.notify_all();
}

// The notification under the lock.
void notify_locked(attempt &A) {
  --A.pulling;
  std::lock_guard<std::mutex> Sync(A.mutex);
  A.condition.notify_all();
}

// The write under a lock.
void write_locked(attempt &A) {
  {
    std::unique_lock<std::mutex> Lock(A.mutex);
    --A.pulling;
  }
  A.condition.notify_all();
}

// A manual lock and unlock on the way.
void manual(attempt &A) {
  A.stopped = true;
  A.mutex.lock();
  A.mutex.unlock();
  A.condition.notify_all();
}

// A plain member written without a visible lock: the caller holds it.
void requeue_locked(attempt &A) {
  ++A.requeued;
  A.condition.notify_all();
}

// The caller's lock, passed in.
void finish(attempt &A, std::unique_lock<std::mutex> &) {
  --A.pulling;
  A.condition.notify_all();
}

// The counter of one object, the condition variable of another.
void other_object(attempt &A, attempt &B) {
  --A.pulling;
  B.condition.notify_all();
}

// The write after the notification.
void after(attempt &A) {
  A.condition.notify_all();
  A.stopped = true;
}

// A local atomic: no waiter can read it.
void local(attempt &A) {
  std::atomic<int> Count{0};
  ++Count;
  A.condition.notify_one();
}

// A member function of the same class that locks, called on the way.
class pool {
public:
  void finish() {
    --active_;
    sync();
    idle_.notify_all();
  }
  // The constructor's object is not shared with a waiter yet.
  pool() {
    active_ = 4;
    idle_.notify_all();
  }
  void wait_idle();

private:
  void sync() { std::lock_guard<std::mutex> Sync(mutex_); }
  std::atomic<int> active_{0};
  std::mutex mutex_;
  std::condition_variable idle_;
};

// No mutex beside the condition variable: it is not the state's guard.
struct loose {
  std::atomic<bool> ready{false};
  std::condition_variable cv;
};
void signal(loose &L) {
  L.ready = true;
  L.cv.notify_all();
}

// condition_variable_any (with a stop token, it need not wait on a mutex).
struct any_waiter {
  std::atomic<bool> ready{false};
  std::mutex m;
  std::condition_variable_any cv;
};
void signal(any_waiter &W) {
  W.ready = true;
  W.cv.notify_all();
}

// A wait on the condition variable in this file: the rule with the waits
// decides, and a timed wait is not a hang.
struct timed {
  std::atomic<bool> ready{false};
  std::mutex m;
  std::condition_variable cv;
  void wait() {
    std::unique_lock<std::mutex> Lock(m);
    cv.wait_for(Lock, std::chrono::milliseconds(10), [this] { return ready.load(); });
  }
  void signal() {
    ready = true;
    cv.notify_all();
  }
};
