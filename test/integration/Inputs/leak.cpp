// A dropped cancel function: tether-dropped-cancellation fires on line 6.
#include <tether/tether.hpp>

void leaky(const tether::context &parent) {
  // The cancel function is never called: the context leaks.
  auto [ctx, cancel] = tether::with_cancel(parent);
  (void)ctx.err();
}
