// RUN: %check_tether %s tether-dropped-cancellation %t
// A third-party library annotates its own API (docs/checks/README.md).
#include <utility>

namespace acme {
class [[clang::annotate("tether::context")]] token_ctx {};
class [[clang::annotate("tether::cancel_func")]] stopper {
public:
  void operator()() const;
};
[[clang::annotate("tether::context_factory")]] std::pair<token_ctx, stopper>
scoped(const token_ctx &parent);

class queue {
public:
  int pop();
  [[clang::annotate("tether::cancellable")]] int pop(const token_ctx &ctx);
};
} // namespace acme

bool cond();

void leaks(const acme::token_ctx &parent) {
  auto [ctx, stop] = acme::scoped(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: cancel function 'stop' returned by 'scoped' is not called on every path [tether-dropped-cancellation]
  if (cond())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'stop'
  stop();
}

int pops(const acme::token_ctx &ctx, acme::queue &q) {
  return q.pop();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'pop' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a context [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  return q.pop(ctx);{{$}}
}
