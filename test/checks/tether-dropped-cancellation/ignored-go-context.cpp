// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A task function takes a context and ignores it.
void worker(context ctx, tether::chan<int> out) {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: task takes a context 'ctx' but never uses it; cancellation cannot reach the task [tether-dropped-cancellation]
  out.send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'send' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a context [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  out.send(ctx, 1);{{$}}
}

void start(const context &parent, tether::chan<int> out) {
  tether::go(worker, parent, out);
}

// Fixed: the context is passed on.
void good_worker(context ctx, tether::chan<int> out) {
  (void)out.send(ctx, 1);
}
void start_good(const context &parent, tether::chan<int> out) {
  tether::go(good_worker, parent, out);
}