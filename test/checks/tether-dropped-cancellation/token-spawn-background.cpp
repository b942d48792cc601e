// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A task started with background() while a context is in scope.
void worker(const context &ctx, int id);

void start(const context &ctx) {
  tether::go(worker, tether::background(), 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: task is spawned with 'background()' although 'ctx' is in scope; its cancellation does not reach the task [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  tether::go(worker, ctx, 1);{{$}}
  tether::go(worker, ctx, 2);
}

// Without a context in scope background() is the right root. Silent.
void root() { tether::go(worker, tether::background(), 3); }