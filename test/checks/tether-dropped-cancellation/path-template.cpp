// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A function template is checked once, not once per instantiation.
template <class T> T compute(const context &parent, T value) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cancel function 'cancel' returned by 'with_cancel' is not called on every path [tether-dropped-cancellation]
  if (value == T())
    return value;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without calling 'cancel'
  cancel();
  return value + value;
}

int use_int(const context &p) { return compute(p, 1); }
double use_double(const context &p) { return compute(p, 1.0); }

// Fully dependent code is resolved only per instantiation: not checked.
template <class Ctx> void dependent(const Ctx &parent) {
  auto [ctx, cancel] = with_cancel(parent);
  (void)ctx;
}
void use_dependent(const context &p) { dependent(p); }