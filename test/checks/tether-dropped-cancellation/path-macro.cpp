// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Macros in user code: the diagnostic points at the expansion.
#define RETURN_IF(c)                                                           \
  if (c)                                                                       \
  return
#define WITH_CANCEL(p) tether::with_cancel(p)

void macro_exit(const context &parent) {
  auto [ctx, cancel] = WITH_CANCEL(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  RETURN_IF(cond());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: this return is reached without calling 'cancel'
  cancel();
}

// A macro that calls cancel on the way out is a call.
#define DONE(c)                                                                \
  do {                                                                         \
    c();                                                                       \
    return;                                                                    \
  } while (0)
void macro_done(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  if (cond())
    DONE(cancel);
  cancel();
}