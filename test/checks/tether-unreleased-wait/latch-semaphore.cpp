// RUN: %check_tether %s tether-unreleased-wait %t

// A latch and a semaphore waited for without a deadline, counted down or
// released only on some paths.
#include <latch>
#include <semaphore>
#include <thread>

bool load();
void serve();

class Init {
public:
  void start() {
    worker_ = std::thread([this] {
      if (!load())
        return;
      ready_.count_down();
      serve();
    });
  }
  void waitReady() {
    ready_.wait();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: wait for 'ready_' has no deadline, and the lambda can leave without releasing it [tether-unreleased-wait]
  }

private:
  std::latch ready_{1};
  std::thread worker_;
};

std::binary_semaphore slot{0};

void produce(int value) {
  if (value < 0)
    return;
  slot.release();
}

void consume() {
  slot.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: wait for 'slot' has no deadline, and 'produce' can leave without releasing it [tether-unreleased-wait]
}
