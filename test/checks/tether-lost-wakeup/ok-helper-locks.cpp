// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// A member function of the same class takes the lock and writes; another
// only takes the lock after the write.
#include "queue.hpp"

void Queue::setStop() {
  std::lock_guard<std::mutex> guard(mutex_);
  stop_ = true;
}

void Queue::noteStop() { std::lock_guard<std::mutex> guard(mutex_); }

void Queue::stop() {
  setStop();
  cv_.notify_all();
}

void Queue::push(int Item) {
  items_.push_back(Item);
  noteStop();
  cv_.notify_one();
}
