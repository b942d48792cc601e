// The runtime twin of tether-stranded-producer (leak-bounded-queue.cpp): a
// bounded queue of capacity 1; stop() sets `stopped` and wakes only the
// consumers, which exit; the producer, blocked waiting for room, is stranded.
// The order is forced (the consumer's first task holds it until stop() has
// run, so it never makes room again); the detector then shows the producer
// stuck in condition_variable::wait at the line the check reports (the wait
// on `not_full`).
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-stranded-producer %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

class BoundedQueue {
public:
  void push(std::function<void()> task) {
    std::unique_lock<std::mutex> lock(mu);
    while (tasks.size() >= capacity)
      not_full.wait(lock); // the line the check reports
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: this wait on 'not_full' for room in the queue can block forever: 'stop' lets the consumers exit, and the wait neither checks 'stopped' nor is woken by 'stop' [tether-stranded-producer]
    tasks.push_back(std::move(task));
    not_empty.notify_one();
  }

  bool consume_one() {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu);
      while (tasks.empty() && !stopped)
        not_empty.wait(lock);
      if (stopped)
        return false;
      task = std::move(tasks.front());
      tasks.pop_front();
      not_full.notify_one();
    }
    task();
    return true;
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stopped = true;
    }
    not_empty.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable not_full;
  std::condition_variable not_empty;
  std::deque<std::function<void()>> tasks;
  size_t capacity = 1;
  bool stopped = false;
};

BoundedQueue &queue = *new BoundedQueue; // never destroyed: a thread waits in it
std::atomic<bool> first_task_running{false}, stop_done{false};

// The consumer's first task: it runs until stop() is done (bounded, 5 s), so
// the consumer makes no room for the producer's second and third tasks.
void hold_until_stopped() {
  first_task_running = true;
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  while (!stop_done && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
}

void consumer() {
  pthread_setname_np(pthread_self(), "consumer");
  while (queue.consume_one()) {
  }
}

void producer() {
  pthread_setname_np(pthread_self(), "producer");
  queue.push(hold_until_stopped);
  queue.push([] {}); // fills the queue
  queue.push([] {}); // waits for room
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  std::thread consuming(consumer);
  new std::thread(producer); // never joined: it never gets room
  const auto give_up = std::chrono::steady_clock::now() + 5s;
  while (!first_task_running && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
  queue.stop();
  stop_done = true;
  consuming.join(); // the consumer exits: stop() woke it
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "producer" [blocked in condition_variable::wait, at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_stranded_producer.cpp:[[@LINE-10]] in main
  // CHECK: at {{.*}}thread_stranded_producer.cpp:33 in BoundedQueue::push
  std::_Exit(0);
}
