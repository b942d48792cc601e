// RUN: %check_tether %s tether-lost-wakeup %t -- -config="{CheckOptions: {tether-lost-wakeup.ConditionVariableTypes: 'acme::condvar', tether-lost-wakeup.MutexTypes: 'acme::mutex'}}"

// A project's own condition variable and mutex, named by the options; the
// condition variable waits on the mutex itself.
namespace acme {
class mutex {
public:
  void lock();
  void unlock();
};
class condvar {
public:
  template <class Lock, class Pred> void wait(Lock &L, Pred P) {
    while (!P())
      L.unlock(), L.lock();
  }
  void notify_all();
};
} // namespace acme

struct Gate {
  acme::mutex mu;
  acme::condvar cv;
  bool open = false;

  void pass() {
    mu.lock();
    cv.wait(mu, [this] { return open; });
    mu.unlock();
  }
  void release() {
    open = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'open' is written without holding 'mu', the mutex 'cv' waits with: a waiter that has checked 'open' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
    cv.notify_all();
  }
  void release_locked() {
    mu.lock();
    open = true;
    mu.unlock();
    cv.notify_all();
  }
};
