// RUN: %check_tether %s tether-stranded-producer %t -- -- -I %S/Inputs

// muduo's fix: the producer's wait checks the stop flag (and gives up).
#include "bounded_queue.hpp"

void BoundedQueue::push(int value) {
  std::unique_lock<std::mutex> lock(mu);
  while (items.size() >= 8 && !stopped)
    not_full.wait(lock);
  if (stopped)
    return;
  items.push_back(value);
  not_empty.notify_one();
}

void BoundedQueue::stop() {
  std::lock_guard<std::mutex> lock(mu);
  stopped = true;
  not_empty.notify_all();
}
