// RUN: %check_tether %s tether-skipped-release %t

// The same set, early return and clear, but nothing in the unit waits for
// the flag (it is a statistic) and no thread is started on it.
#include <atomic>

class Worker {
public:
  void run(bool cancelled) {
    busy_ = true;
    if (cancelled)
      return;
    work();
    busy_ = false;
  }
  bool busy() const { return busy_; }

private:
  void work();
  std::atomic<bool> busy_{false};
};
