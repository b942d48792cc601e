// RUN: %check_tether %s tether-dropped-cancellation %t
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <iostream>

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

// The runtime twin: nothing is dropped.
// RUNTIME: no leaks
bool cond() { return true; }

int main() {
  auto baseline = tether::leak::options().ignore_current();
  guarded_lambda(tether::background());
  guarded_function(tether::background());
  guarded_struct(tether::background());
  std::cout << tether::leak::verify_none(baseline);
}
