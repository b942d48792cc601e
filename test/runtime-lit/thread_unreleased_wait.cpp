// The runtime twin of tether-unreleased-wait (cv-wait-throwing-start.cpp):
// wait_for_start() waits, without a deadline, until run() announces the
// start; run() validates first and validation throws (no port), so the
// announcement never comes. No interleaving to force: whichever runs first,
// `started_` is never set. The detector shows the waiter stuck in
// condition_variable::wait at the waiting line (the check reports the loop
// `while (!started_)` on the line above it).
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-unreleased-wait %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;

class App {
public:
  void run() {
    validate();
    notify_started();
    serve();
  }

  void wait_for_start() {
    std::unique_lock<std::mutex> lock(start_mutex_);
    while (!started_)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: wait for 'started_' has no deadline, and 'run' can leave without releasing it [tether-unreleased-wait]
      start_cv_.wait(lock); // the waiting line
  }

private:
  void validate() {
    if (port_ == 0)
      throw std::runtime_error("no port");
  }
  void notify_started() {
    std::lock_guard<std::mutex> lock(start_mutex_);
    started_ = true;
    start_cv_.notify_all();
  }
  void serve() {}

  int port_ = 0;
  bool started_ = false;
  std::condition_variable start_cv_;
  std::mutex start_mutex_;
};

App &app = *new App; // never destroyed: a thread waits in it

void waiter() {
  pthread_setname_np(pthread_self(), "waiter");
  app.wait_for_start();
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  new std::thread(waiter); // never joined: the start never comes
  try {
    app.run();
  } catch (const std::exception &e) {
    std::cout << "run: " << e.what() << '\n';
  }
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: run: no port
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "waiter" [blocked in condition_variable::wait, at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_unreleased_wait.cpp:[[@LINE-10]] in main
  // CHECK: at {{.*}}thread_unreleased_wait.cpp:39 in App::wait_for_start()
  std::_Exit(0);
}
