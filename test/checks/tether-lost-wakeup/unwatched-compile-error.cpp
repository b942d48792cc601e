// RUN: %check_tether %s tether-lost-wakeup %t --allow-errors -- -- -I %S/Inputs

// The waiter is in another file and the notifier does not compile: no crash,
// no diagnostic from half-understood code.
#include "attempt.hpp"

void finish(attempt &A) {
  A.pulling -= undeclared_count;
  A.condition.notify_all();
}

void finish2(attempt &A) {
  UnknownType Step = 1;
  --A.pulling;
  A.condition.notify_all();
}
