// RUN: %check_tether %s tether-loop-without-exit %t

// A worker object whose thread loops on a plain bool member that stop()
// clears from another thread: a data race, and since the loop never writes
// the member the compiler may read it once.
#include <thread>

void process();

class Worker {
public:
  void start() { thread_ = std::thread(&Worker::run, this); }
  void stop() {
    running_ = false;
    thread_.join();
  }

private:
  void run() {
    while (running_) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop's only exit condition 'running_' is a plain bool shared with another thread: a data race, and the compiler may hoist the read so that the loop never stops [tether-loop-without-exit]
      // CHECK-MESSAGES: :[[@LINE-2]]:12: note: make 'running_' a 'std::atomic<bool>', or stop the task with a 'std::stop_token' or a context
      process();
    }
  }

  bool running_ = true;
  std::thread thread_;
};
