// RUN: %check_tether %s tether-unobserved-stop %t

// The worker's loop is one, two and three calls below the thread body and
// never reads the flag that stop() sets before it joins.
#include <atomic>
#include <sys/socket.h>
#include <thread>

class OneDeep {
public:
  void start() {
    worker_ = std::thread([this] { serve(); });
  }
  void stop() {
    running_ = false;
    worker_.join();
  }

private:
  void serve() {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  std::atomic<bool> running_{true};
  int fd_ = -1;
  std::thread worker_;
};

class TwoDeep {
public:
  void start() { worker_ = std::thread(&TwoDeep::run, this); }
  void shutdown() {
    quit_.store(true);
    worker_.join();
  }

private:
  void run() { step(); }
  void step() { pump(); }
  void pump() {
    for (;;)
      ++ticks_;
  }
  std::atomic<bool> quit_{false};
  std::atomic<long> ticks_{0};
  std::thread worker_;
};

class ThreeDeep {
public:
  ThreeDeep() : worker_([this] { connection(); }) {}
  ~ThreeDeep() {
    open_ = false;
    worker_.join();
  }

private:
  void connection() { request(); }
  void request() { read_loop(); }
  void read_loop() {
    char buf[64];
    do {
      got_ = recv(fd_, buf, sizeof buf, 0);
    } while (got_ == sizeof buf);
  }
  std::atomic<bool> open_{true};
  int fd_ = -1;
  long got_ = 0;
  std::thread worker_;
};
// CHECK-MESSAGES: :22:5: warning: loop on a worker blocks without observing 'running_', the stop signal that 'stop' sets before it waits for the worker: the wait can hang
// CHECK-MESSAGES: :15:5: note: 'running_' is set here
// CHECK-MESSAGES: :16:5: note: 'stop' then waits for the worker here
// CHECK-MESSAGES: :12:36: note: 'serve' is called from the worker here
// CHECK-MESSAGES: :12:15: note: worker started here
// CHECK-MESSAGES: :42:5: warning: loop on a worker never ends without observing 'quit_', the stop signal that 'shutdown' sets before it waits for the worker: the wait can hang
// CHECK-MESSAGES: :34:5: note: 'quit_' is set here
// CHECK-MESSAGES: :35:5: note: 'shutdown' then waits for the worker here
// CHECK-MESSAGES: :40:17: note: 'pump' is called from 'step' here
// CHECK-MESSAGES: :39:16: note: 'step' is called from the worker here
// CHECK-MESSAGES: :32:28: note: worker started here
// CHECK-MESSAGES: :63:5: warning: loop on a worker blocks without observing 'open_', the stop signal that '~ThreeDeep' sets before it waits for the worker: the wait can hang
// CHECK-MESSAGES: :54:5: note: 'open_' is set here
// CHECK-MESSAGES: :55:5: note: '~ThreeDeep' then waits for the worker here
// CHECK-MESSAGES: :60:20: note: 'read_loop' is called from 'request' here
// CHECK-MESSAGES: :59:23: note: 'request' is called from 'connection' here
// CHECK-MESSAGES: :52:34: note: 'connection' is called from the worker here
// CHECK-MESSAGES: :52:17: note: worker started here
