// RUN: %check_tether %s tether-stranded-producer %t -- -- -I %S/Inputs

// Nothing stops the consumers (no stop flag is set anywhere): nothing
// strands the producer.
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
  not_empty.notify_all();
}
