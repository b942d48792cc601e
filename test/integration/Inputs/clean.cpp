// No leak: the cancel function is called on every path.
#include <tether/tether.hpp>

void clean(const tether::context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  (void)ctx.err();
  cancel();
}
