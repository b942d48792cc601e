// RUN: %check_tether %s tether-loop-without-exit %t --allow-errors

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from a half-understood task.
#include <tether/tether.hpp>

void start() {
  tether::go([] {
    while (undeclared_flag)
      step_that_does_not_exist();
  });
  tether::go([] {
    for (;;)
      UnknownType value = 1;
  });
}
