// config.test: which NOLINT comments silence tether's checks.
#include <tether/tether.hpp>

void suppressed_by_name(const tether::context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent); // NOLINT(tether-dropped-cancellation)
  (void)ctx.err();
}

void suppressed_by_glob(const tether::context &parent) {
  // NOLINTNEXTLINE(tether-*)
  auto [ctx, cancel] = tether::with_cancel(parent);
  (void)ctx.err();
}

void suppressed_in_block(const tether::context &parent) {
  // NOLINTBEGIN(tether-dropped-cancellation)
  auto [ctx, cancel] = tether::with_cancel(parent);
  // NOLINTEND(tether-dropped-cancellation)
  (void)ctx.err();
}

void other_check_named(const tether::context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent); // NOLINT(bugprone-use-after-move)
  // CHECK: nolint.cpp:[[@LINE-1]]:14: warning: {{.*}} [tether-dropped-cancellation]
  (void)ctx.err();
}

void not_suppressed(const tether::context &parent) {
  auto [ctx, cancel] = tether::with_cancel(parent);
  // CHECK: nolint.cpp:[[@LINE-1]]:14: warning: {{.*}} [tether-dropped-cancellation]
  (void)ctx.err();
}
