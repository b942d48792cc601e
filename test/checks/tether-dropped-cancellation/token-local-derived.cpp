// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;

// A context derived from the caller's is in scope for the code after it; the
// caller's cancellation reaches both, so both fit and there is no fix-it.
void derived(const context &parent, tether::chan<int> in) {
  auto [ctx, cancel] = tether::with_timeout(parent, 1s);
  auto v = in.recv();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'recv' blocks without the cancellation in scope; pass 'parent' to the overload that takes a context [tether-dropped-cancellation]
  cancel();
}

// A context made here from background() is cancelled by nobody but this
// function, which cannot do so while it blocks: passing it changes nothing.
void owned(tether::chan<int> in) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto v = in.recv();
  tether::sleep(10ms);
  cancel();
}

// A wait on the cancellation itself already involves the context.
void wait_for_cancel(const context &ctx) { (void)ctx.done().recv(); }
