// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The write between mutex_.lock() and mutex_.unlock().
#include "queue.hpp"

void Queue::stop() {
  mutex_.lock();
  stop_ = true;
  mutex_.unlock();
  cv_.notify_all();
}
