// The runtime twin of tether-skipped-release (callback-throws.cpp): loop()
// sets `looping_`, a callback throws, and the exception skips the reset at
// the end of loop(); the destructor polls `looping_` and never returns. No
// interleaving to force: the loop thread has thrown and ended before the
// destructor starts. The check reports the call the exception comes from
// (runPending() in loop()); the detector shows the thread that destroys the
// loop sleeping in sleep_for at the waiting line, in ~Loop(). (A thread
// that polls every 1 ms is now and then caught runnable, between two sleeps:
// its state then reads "running"; its stack is still in sleep_for.)
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-skipped-release %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

class Loop {
public:
  ~Loop() {
    quit_ = true;
    while (looping_.load(std::memory_order_acquire))
      std::this_thread::sleep_for(1ms); // the waiting line
  }

  void post(std::function<void()> fn) { pending_.push_back(std::move(fn)); }

  void loop() {
    looping_.store(true, std::memory_order_release);
    while (!quit_.load()) {
      runPending();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: exception from this call skips the release of 'looping_' that 'loop' makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
    }
    looping_.store(false, std::memory_order_release);
  }

private:
  void runPending() {
    for (auto &Fn : pending_)
      Fn();
  }
  std::vector<std::function<void()>> pending_;
  std::atomic<bool> looping_{false};
  std::atomic<bool> quit_{false};
};

Loop *event_loop = new Loop;

void run_loop() {
  try {
    event_loop->loop();
  } catch (const std::exception &e) {
    std::cout << "loop: " << e.what() << '\n';
  }
}

void destroyer() {
  pthread_setname_np(pthread_self(), "destroyer");
  delete event_loop;
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  event_loop->post([] { throw std::runtime_error("callback failed"); });
  std::thread(run_loop).join(); // loop() throws; `looping_` stays set
  new std::thread(destroyer); // never joined: ~Loop() never returns
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: loop: callback failed
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "destroyer" [{{sleeping in sleep_for|running}}, at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_skipped_release.cpp:[[@LINE-5]] in main
  // CHECK: at {{.*}}thread_skipped_release.cpp:35 in Loop::~Loop()
  std::_Exit(0);
}
