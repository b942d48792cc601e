// The runtime twin of tether-lost-wakeup (global-flag.cpp): the producer
// writes the flag without the mutex, so the notify can fall between the
// consumer's check and its block. The interleaving is forced here (the
// predicate pauses after reading the flag); the detector then shows the
// std::thread stuck in condition_variable::wait at the waiting line.
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

std::mutex &m = *new std::mutex;
std::condition_variable &cv = *new std::condition_variable;
std::atomic<bool> ready{false};
std::atomic<bool> checked{false}, notified{false};

void consumer() {
  pthread_setname_np(pthread_self(), "consumer");
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] {
    const bool seen = ready;
    checked = true;
    // The producer runs here: it does not need the mutex we hold.
    const auto give_up = std::chrono::steady_clock::now() + 5s;
    while (!notified && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(1ms);
    return seen;
  });
}

void producer() {
  while (!checked)
    std::this_thread::sleep_for(1ms);
  ready = true; // the line tether-lost-wakeup reports
  cv.notify_one();
  notified = true;
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  new std::thread(consumer); // never joined: it never wakes
  std::thread(producer).join();
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "consumer" [blocked in condition_variable::wait, at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_lost_wakeup.cpp:[[@LINE-5]] in main
  // CHECK: at {{.*}}thread_lost_wakeup.cpp:31 in consumer()
  std::_Exit(0);
}
