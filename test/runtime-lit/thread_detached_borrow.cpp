// The runtime twin of tether-detached-thread (captured-reference.cpp): a
// detached std::thread uses its spawner's local by reference; the spawner
// has returned and the thread still runs, blocked on the destroyed object's
// stack slot. The detector shows it alive and detached, with its spawn
// site, after its spawner is gone. (The wait is on a global here, so that
// the twin itself stays well defined.)
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-detached-thread %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

std::mutex &m = *new std::mutex;
std::condition_variable &cv = *new std::condition_variable;

void log_later() {
  int request_id = 42;
  std::thread([&request_id] {
    pthread_setname_np(pthread_self(), "logger");
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock); // the spawner returns while the thread waits here
    std::cout << request_id << '\n';
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread uses 'request_id', which may be destroyed while the thread still runs [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-7]]:17: note: 'request_id' is passed by reference here
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  log_later(); // returned: 'request_id' is gone
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "logger" [blocked in condition_variable::wait, at least {{.*}}] [detached]
  // CHECK-NEXT: spawned at {{.*}}thread_detached_borrow.cpp:29 in log_later()
  // CHECK: at {{.*}}thread_detached_borrow.cpp:32 in
  std::_Exit(0);
}
