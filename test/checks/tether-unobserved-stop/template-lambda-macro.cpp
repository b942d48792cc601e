// RUN: %check_tether %s tether-unobserved-stop %t

// A class template, a loop in the thread lambda itself, a loop written by a
// macro, and NOLINT.
#include <atomic>
#include <chrono>
#include <thread>

#define FOREVER for (;;)

template <class T> class Pump {
public:
  void start() {
    worker_ = std::thread([this] {
      FOREVER
        sink_ = T();
    });
  }
  void stop() {
    running_ = false;
    worker_.join();
  }

private:
  std::atomic<bool> running_{true};
  T sink_{};
  std::thread worker_;
};

void use() {
  Pump<int> pump;
  pump.start();
  pump.stop();
}

class Sleeper {
public:
  void start() {
    worker_ = std::thread([this] {
      while (pending_ > 0)
        std::this_thread::sleep_for(std::chrono::seconds(1));
    });
  }
  void close() {
    closed_ = true;
    worker_.join();
  }

private:
  std::atomic<bool> closed_{false};
  int pending_ = 1;
  std::thread worker_;
};

class Quiet {
public:
  void start() {
    worker_ = std::thread([this] {
      while (pending_ > 0) // NOLINT(tether-unobserved-stop)
        std::this_thread::sleep_for(std::chrono::seconds(1));
    });
  }
  void stop() {
    stopped_ = true;
    worker_.join();
  }

private:
  std::atomic<bool> stopped_{false};
  int pending_ = 1;
  std::thread worker_;
};
// CHECK-MESSAGES: :15:7: warning: loop on a worker never ends without observing 'running_', the stop signal that 'stop' sets before it waits for the worker: the wait can hang
// CHECK-MESSAGES: :20:5: note: 'running_' is set here
// CHECK-MESSAGES: :21:5: note: 'stop' then waits for the worker here
// CHECK-MESSAGES: :14:15: note: worker started here
// CHECK-MESSAGES: :40:7: warning: loop on a worker blocks without observing 'closed_', the stop signal that 'close' sets before it waits for the worker: the wait can hang
// CHECK-MESSAGES: :45:5: note: 'closed_' is set here
// CHECK-MESSAGES: :46:5: note: 'close' then waits for the worker here
// CHECK-MESSAGES: :39:15: note: worker started here
