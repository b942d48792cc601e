#include "sanitizer_fibers.hpp"

#ifdef TETHER_TSAN_FIBERS

#include "scheduler.hpp"

namespace tether::detail::sanitizer_fibers {
namespace {
thread_local void *main_fiber = nullptr;
} // namespace

void on_thread_joined() noexcept { main_fiber = __tsan_get_current_fiber(); }

void *main_shadow() noexcept { return main_fiber; }

void *shadow_of(boost::fibers::context *next) noexcept {
  using boost::fibers::type;
  if (next == boost::fibers::context::active())
    return nullptr;
  if (next->is_context(type::main_context))
    return main_fiber;
  auto *props = static_cast<task_properties *>(next->get_properties());
  return props ? props->shadow_fiber : nullptr;
}

} // namespace tether::detail::sanitizer_fibers

#endif
