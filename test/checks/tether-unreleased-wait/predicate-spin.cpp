// RUN: %check_tether %s tether-unreleased-wait %t

// A spin on a counter and a predicate wait, each released only on some
// paths of the releaser.
#include <atomic>
#include <condition_variable>
#include <mutex>

std::atomic<int> pending{1};

void finish(bool cancelled) {
  if (cancelled)
    return;
  --pending;
}

void drain() {
  while (pending.load() != 0) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: polling wait for 'pending' has no deadline, and 'finish' can leave without releasing it [tether-unreleased-wait]
  }
}

std::mutex m;
std::condition_variable cv;
bool ready = false;

void publish(int value) {
  if (value < 0)
    return;
  std::lock_guard<std::mutex> lock(m);
  ready = true;
  cv.notify_all();
}

void consume() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: wait for 'ready' has no deadline, and 'publish' can leave without releasing it [tether-unreleased-wait]
}
