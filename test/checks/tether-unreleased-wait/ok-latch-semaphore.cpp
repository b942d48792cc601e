// RUN: %check_tether %s tether-unreleased-wait %t

// Counted down on every path, or waited for with a deadline.
#include <chrono>
#include <latch>
#include <semaphore>
#include <thread>

bool load();

class Init {
public:
  void start() {
    worker_ = std::thread([this] {
      bool ok = load();
      ready_.count_down();
      if (!ok)
        return;
    });
  }
  void waitReady() { ready_.wait(); }

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

bool consume() { return slot.try_acquire_for(std::chrono::seconds(1)); }
