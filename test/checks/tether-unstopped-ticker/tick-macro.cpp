// RUN: %check_tether %s tether-unstopped-ticker %t -- -- -isystem %S/Inputs

// A user's macro is reported where it is used, without a fix-it; a macro
// from a system header is not the user's to fix and is not reported.
#include <tether/tether.hpp>
#include <system_macros.h>

using namespace std::chrono_literals;

#define EVERY_SECOND() tether::tick(1s)

void user_macro() {
  auto c = EVERY_SECOND();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'tick' starts a ticker that can never be stopped; it keeps firing after this function returns [tether-unstopped-ticker]
  (void)c.recv();
}

void system_macro() {
  auto c = SYSTEM_HEARTBEAT(1s);
  (void)c.recv();
}
