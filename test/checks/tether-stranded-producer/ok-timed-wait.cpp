// RUN: %check_tether %s tether-stranded-producer %t -- -- -I %S/Inputs

// A timed wait wakes up by itself.
#include "bounded_queue.hpp"
#include <chrono>

void BoundedQueue::push(int value) {
  std::unique_lock<std::mutex> lock(mu);
  while (items.size() >= 8)
    not_full.wait_for(lock, std::chrono::milliseconds(10));
  items.push_back(value);
  not_empty.notify_one();
}

void BoundedQueue::stop() {
  std::lock_guard<std::mutex> lock(mu);
  stopped = true;
  not_empty.notify_all();
}
