// RUN: %check_tether %s tether-dropped-cancellation %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     tether-dropped-cancellation.ContextTypes: 'legacy::ctx', \
// RUN:     tether-dropped-cancellation.CancelFuncTypes: 'legacy::cancel_fn', \
// RUN:     tether-dropped-cancellation.ContextFactories: 'legacy::child;legacy::child_timeout', \
// RUN:     tether-dropped-cancellation.CancellableFunctions: 'legacy::channel::take'}}"
// An unannotated library described by check options.
#include <utility>

namespace legacy {
struct ctx {};
struct cancel_fn {
  void operator()() const;
};
std::pair<ctx, cancel_fn> child(const ctx &parent);
std::pair<ctx, cancel_fn> child_timeout(const ctx &parent, int ms);
struct channel {
  int take();
  int take(const ctx &c);
};
} // namespace legacy

void discards(const legacy::ctx &parent) {
  auto c = legacy::child_timeout(parent, 10).first;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: cancel function returned by 'child_timeout' is discarded: only the context is kept [tether-dropped-cancellation]
  (void)c;
}

int takes(const legacy::ctx &c, legacy::channel &ch) {
  return ch.take();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'take' blocks without the cancellation in scope; pass 'c' to the overload that takes a context [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  return ch.take(c);{{$}}
}
