// RUN: %check_tether %s tether-stranded-producer %t -- -- -I %S/Inputs

// stop() wakes the producers too, after setting the flag: what happens
// next is theirs to decide (they may re-check and leave).
#include "bounded_queue.hpp"

void BoundedQueue::push(int value) {
  std::unique_lock<std::mutex> lock(mu);
  while (items.size() >= 8)
    not_full.wait(lock);
  items.push_back(value);
  not_empty.notify_one();
}

void BoundedQueue::stop() {
  {
    std::lock_guard<std::mutex> lock(mu);
    stopped = true;
  }
  not_empty.notify_all();
  not_full.notify_all();
}
