// Tells ThreadSanitizer about fiber switches. Boost.Fiber switches stacks
// inside its own (uninstrumented) library; without this TSan keeps one shadow
// stack per thread, reports races between a fiber and itself, and crashes on
// the mismatched stacks. The scheduler announces each switch at the one place
// it learns where the switch goes: when it picks the next context. The one
// switch it cannot announce, back into a finished task to free its stack,
// returns only through uninstrumented frames (see task_fiber.hpp).
//
// TSan requires that no instrumented code runs between the announcement and
// the switch, so the functions that announce are marked
// TETHER_ANNOUNCES_FIBER_SWITCH (no instrumentation at all) and announce last.
#pragma once

#include <boost/fiber/context.hpp>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TETHER_TSAN_FIBERS 1
#include <sanitizer/tsan_interface.h>
#endif
#endif

namespace tether::detail::sanitizer_fibers {

#ifdef TETHER_TSAN_FIBERS

#define TETHER_ANNOUNCES_FIBER_SWITCH                                          \
  __attribute__((disable_sanitizer_instrumentation))

/// A new shadow fiber for a task's or a dispatcher's context.
[[nodiscard]] inline void *create() noexcept { return __tsan_create_fiber(0); }
inline void destroy(void *fiber) noexcept {
  if (fiber)
    __tsan_destroy_fiber(fiber);
}

/// Records the calling thread's own shadow fiber: call on its main context.
void on_thread_joined() noexcept;

/// The shadow fiber to announce before switching to `next` (nullptr: none).
[[nodiscard]] void *shadow_of(boost::fibers::context *next) noexcept;
/// The calling thread's main shadow fiber.
[[nodiscard]] void *main_shadow() noexcept;

[[gnu::always_inline]] inline void announce(void *fiber) noexcept {
  if (fiber)
    __tsan_switch_to_fiber(fiber, 0);
}

/// Orders what ran before happens_before(key) before what runs after
/// happens_after(key), for an order that uninstrumented Boost.Fiber code
/// provides and TSan therefore cannot see.
inline void happens_before(void *key) noexcept { __tsan_release(key); }
inline void happens_after(void *key) noexcept { __tsan_acquire(key); }

#else

#define TETHER_ANNOUNCES_FIBER_SWITCH

inline void *create() noexcept { return nullptr; }
inline void destroy(void *) noexcept {}
inline void on_thread_joined() noexcept {}
inline void *shadow_of(boost::fibers::context *) noexcept { return nullptr; }
inline void *main_shadow() noexcept { return nullptr; }
inline void announce(void *) noexcept {}
inline void happens_before(void *) noexcept {}
inline void happens_after(void *) noexcept {}

#endif

} // namespace tether::detail::sanitizer_fibers
