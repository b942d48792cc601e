// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A scope guard cancels on every exit, exceptions included. Silent.
template <class F> class scope_exit {
public:
  explicit scope_exit(F f) : f_(std::move(f)) {}
  ~scope_exit() { f_(); }

private:
  F f_;
};

void guarded_lambda(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  scope_exit guard([&] { cancel(); });
  if (cond())
    return;
  if (ctx.err())
    throw std::runtime_error("cancelled");
}

void guarded_function(const context &parent) {
  auto [ctx, cancel] = tether::with_timeout(parent, 1s);
  scope_exit guard(cancel);
  if (cond())
    return;
}

struct cancel_on_exit {
  tether::cancel_func &cancel;
  ~cancel_on_exit() { cancel(); }
};
void guarded_struct(const context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  cancel_on_exit guard{cancel};
  if (cond())
    return;
}