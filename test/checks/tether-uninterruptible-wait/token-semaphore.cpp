// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// A jthread worker checks its token between jobs but blocks in acquire():
// ~jthread's request_stop() cannot release the semaphore, and join() hangs.
#include <semaphore>
#include <stop_token>
#include <thread>

class Worker {
public:
  Worker() : thread_([this](std::stop_token Stop) { run(Stop); }) {}
  void post() { jobs_.release(); }

private:
  void run(std::stop_token Stop) {
    while (!Stop.stop_requested()) {
      jobs_.acquire();
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'acquire' blocks in a call that a stop request cannot interrupt: the worker checks its stop token only between waits, so request_stop() and join() hang while it waits [tether-uninterruptible-wait]
      // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the worker checks the stop token here
      // CHECK-MESSAGES: :[[@LINE-3]]:13: note: add 'std::stop_callback on_stop(Stop, [&] { jobs_.release(); });' so that the stop request releases the wait
      ++done_;
    }
  }
  std::counting_semaphore<> jobs_{0};
  int done_ = 0;
  std::jthread thread_;
};
