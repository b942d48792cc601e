// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A task that blocks but is given none of the cancellation in scope.
void fan_out(const context &ctx, tether::chan<int> results) {
  tether::go([results] { results.send(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: task blocks in 'send' but is given none of the cancellation in scope; pass 'ctx' to the task [tether-dropped-cancellation]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: blocks here
  tether::go([results, ctx] {
    if (results.send(ctx, 2) != tether::chan_status::ok)
      return;
  });
}

// A task that does not block needs no token. Silent.
void quick(const context &ctx, int *out) {
  tether::go([out] { *out = 1; });
}