// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The waiter is in another file. An atomic member written with no lock on
// the way and then notified on a std::condition_variable of the same object
// is the lost wakeup whatever the waiter checks: the mutex it waits with is
// not taken, so a waiter between its check and its block misses the
// notification (nano-node's bulk-pull clients before a045cc3).
#include "attempt.hpp"

struct pull_client {
  ~pull_client();
  std::shared_ptr<attempt> a;
};

pull_client::~pull_client() {
  --a->pulling;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pulling' is written without holding any lock and then 'condition' is notified: a waiter that has checked 'pulling' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'pulling' being atomic does not help: the window is between the waiter's check and its wait, which only the mutex it waits with closes
  a->condition.notify_all();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: note: 'condition' is notified here and waited on in another file; write 'pulling' while holding the mutex its waiters hold ('mutex', the mutex of the same object), or lock it after the write and before notifying
}

// Through a reference, with `store`.
void stop(attempt &A) {
  A.stopped.store(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'stopped' is written without holding any lock and then 'condition' is notified
  A.condition.notify_all();
}

// A member of `this`, on one branch; in a lambda that runs later.
class pool {
public:
  void finish(bool Last) {
    if (Last) {
      active_ -= 1;
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'active_' is written without holding any lock and then 'idle_' is notified
      idle_.notify_all();
      // Two mutexes: the note cannot tell which one the waiters hold.
      // CHECK-MESSAGES: :[[@LINE-2]]:13: note: 'idle_' is notified here and waited on in another file; write 'active_' while holding the mutex its waiters hold, or lock it after the write and before notifying
    }
  }
  auto stopper() {
    return [this] {
      done_ = true;
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'done_' is written without holding any lock and then 'idle_' is notified
      idle_.notify_one();
    };
  }
  void wait_idle();

private:
  std::atomic<int> active_{0};
  std::atomic<bool> done_{false};
  std::mutex mutex_;
  std::mutex log_mutex_;
  std::condition_variable idle_;
};

// In a class template, as written (a counter of a dependent type is not
// known to be atomic in the pattern).
template <class T> struct counter {
  void add(T Item);
  void release() {
    --outstanding;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'outstanding' is written without holding any lock and then 'cv' is notified
    cv.notify_all();
  }
  void wait_zero();
  std::atomic<int> outstanding{0};
  std::mutex m;
  std::condition_variable cv;
};
template struct counter<int>;

// Through the project's macro: reported at the macro use.
#define FINISH_PULL(att)                                                       \
  do {                                                                         \
    --(att)->pulling;                                                          \
    (att)->condition.notify_all();                                             \
  } while (0)

void finish_macro(const std::shared_ptr<attempt> &A) {
  FINISH_PULL(A);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pulling' is written without holding any lock and then 'condition' is notified
}

// NOLINT silences it.
void finish_nolint(attempt *A) {
  --A->pulling; // NOLINT(tether-lost-wakeup)
  A->condition.notify_all();
}
