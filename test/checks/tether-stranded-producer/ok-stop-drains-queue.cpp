// RUN: %check_tether %s tether-stranded-producer %t -- -- -I %S/Inputs

// stop() empties the queue itself: the producer's condition reads what
// the stop path changes, so the producer is not left without room.
#include "bounded_queue.hpp"

void BoundedQueue::push(int value) {
  std::unique_lock<std::mutex> lock(mu);
  while (items.size() >= 8)
    not_full.wait(lock);
  items.push_back(value);
  not_empty.notify_one();
}

void BoundedQueue::stop() {
  std::lock_guard<std::mutex> lock(mu);
  stopped = true;
  items.clear();
  not_empty.notify_all();
}
