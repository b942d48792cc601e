// RUN: %check_tether %s tether-lost-wakeup %t -- -- -I %S/Inputs

// The unprotected write is followed by a notification of another condition
// variable, which nobody waits on with a predicate that reads it.
#include "queue.hpp"

void Queue::stop() {
  stop_ = true;
  idle_.notify_all();
}
