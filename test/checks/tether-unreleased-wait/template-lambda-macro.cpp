// RUN: %check_tether %s tether-unreleased-wait %t

// The shape in a class template, with a lambda releaser, and in a macro.
#include <atomic>
#include <thread>

template <typename T> class Gate {
public:
  void open(T value) {
    if (!value.valid())
      return;
    open_ = true;
  }
  void pass() {
    while (!open_)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: polling wait for 'open_' has no deadline, and 'open' can leave without releasing it [tether-unreleased-wait]
      std::this_thread::yield();
  }

private:
  std::atomic<bool> open_{false};
};

std::atomic<bool> loaded{false};
bool load();

std::thread start() {
  return std::thread([] {
    if (!load())
      return;
    loaded = true;
  });
}

void wait_loaded() {
  while (!loaded)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: polling wait for 'loaded' has no deadline, and the lambda can leave without releasing it [tether-unreleased-wait]
    std::this_thread::yield();
}

#define SPIN_UNTIL(flag)                                                       \
  while (!(flag))                                                              \
  std::this_thread::yield()

std::atomic<bool> warmed{false};
void warm(int n) {
  if (n == 0)
    return;
  warmed = true;
}
void wait_warm() {
  SPIN_UNTIL(warmed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: polling wait for 'warmed' has no deadline, and 'warm' can leave without releasing it [tether-unreleased-wait]
}
