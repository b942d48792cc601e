// RUN: %check_tether %s tether-loop-without-exit %t -- -- -isystem %S/Inputs

// A loop written through the project's own macro is reported at the macro
// use; one that comes from a system header's macro is not.
#include <tether/tether.hpp>

#include <system_macros.h>

void step();

#define FOREVER for (;;)

void user_macro() {
  tether::go([] {
    FOREVER step();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
  });
}

void system_macro() {
  tether::go([] { SYSTEM_SPIN_FOREVER(step); });
}
