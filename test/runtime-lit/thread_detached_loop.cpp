// The runtime twin of tether-detached-thread (forever-loop.cpp): a detached
// std::thread polls forever and observes no stop signal; nothing can stop
// or join it. The detector shows it alive and detached, sleeping in its
// loop, with the spawn site. (A thread that polls every 1 ms is now and
// then caught runnable between two sleeps: its state then reads "running".)
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-detached-thread %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <pthread.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

using namespace std::chrono_literals;

void start_poller() {
  std::thread([] {
    pthread_setname_np(pthread_self(), "poller");
    for (;;)
      std::this_thread::sleep_for(1ms); // the polling line
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs a loop that observes no stop signal; nothing can stop it or wait for it to end [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: this loop never exits
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  start_poller();
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "poller" [{{sleeping in sleep_for|running}}, at least {{.*}}] [detached]
  // CHECK-NEXT: spawned at {{.*}}thread_detached_loop.cpp:22 in start_poller()
  // CHECK: at {{.*}}thread_detached_loop.cpp:25 in
  std::_Exit(0);
}
