// RUN: %check_tether %s tether-skipped-release %t

// The shape in a class template, a lambda thread body and a macro.
#include <atomic>
#include <thread>

template <typename T> class Pool {
public:
  void run(T job, bool cancelled) {
    busy_ = true;
    if (cancelled)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: return skips the release of 'busy_' that 'run' makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
    job.work();
    busy_ = false;
  }
  void drain() {
    while (busy_)
      std::this_thread::yield();
  }

private:
  std::atomic<bool> busy_{false};
};

std::atomic<bool> g_busy{false};

void waitIdle() {
  while (g_busy.load())
    std::this_thread::yield();
}

std::thread startJob(bool cancelled) {
  return std::thread([cancelled] {
    g_busy = true;
    if (cancelled)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: return skips the release of 'g_busy' that the lambda makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
    g_busy = false;
  });
}

#define RETURN_IF(c)                                                           \
  if (c)                                                                       \
  return
std::atomic<bool> g_flushing{false};

void flushAll() {
  while (g_flushing)
    std::this_thread::yield();
}

void flushOne(bool skip) {
  g_flushing = true;
  RETURN_IF(skip);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return skips the release of 'g_flushing' that 'flushOne' makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
  g_flushing = false;
}
