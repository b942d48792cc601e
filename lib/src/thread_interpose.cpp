// pthread_create and pthread_detach, interposed: a strong definition here
// wins over libc's for the whole process (the executable, or an LD_PRELOADed
// libtether_threads.so, comes first in symbol lookup), records the thread in
// the thread registry and forwards to the real function. Under a sanitizer
// the real function is the sanitizer's interceptor (it must see every
// thread), which forwards to libc in turn.
#include <dlfcn.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <new>

#include "leak_internal.hpp"
#include "thread_registry.hpp"

extern "C" {
// Defined by the ASan/TSan runtimes when linked in; null otherwise. The
// names are theirs.
// NOLINTBEGIN(bugprone-reserved-identifier)
[[gnu::weak]] int __interceptor_pthread_create(pthread_t *,
                                               const pthread_attr_t *,
                                               void *(*)(void *), void *);
[[gnu::weak]] int __interceptor_pthread_detach(pthread_t);
// NOLINTEND(bugprone-reserved-identifier)
}

namespace tether::detail {
namespace {

using create_fn = int (*)(pthread_t *, const pthread_attr_t *,
                          void *(*)(void *), void *);
using detach_fn = int (*)(pthread_t);

create_fn real_create() {
  static const create_fn real = [] {
    if (&__interceptor_pthread_create)
      return &__interceptor_pthread_create;
    return reinterpret_cast<create_fn>(dlsym(RTLD_NEXT, "pthread_create"));
  }();
  return real;
}

detach_fn real_detach() {
  static const detach_fn real = [] {
    if (&__interceptor_pthread_detach)
      return &__interceptor_pthread_detach;
    return reinterpret_cast<detach_fn>(dlsym(RTLD_NEXT, "pthread_detach"));
  }();
  return real;
}

thread_local thread_record *self_record = nullptr;

struct start_args {
  void *(*start)(void *);
  void *arg;
  std::shared_ptr<thread_record> record;
};

/// Drops the record when the start routine returns or the thread calls
/// pthread_exit (which unwinds through here).
struct exit_guard {
  std::shared_ptr<thread_record> record;
  ~exit_guard() {
    self_record = nullptr;
    thread_registry::instance().remove(record.get());
  }
};

void *trampoline(void *raw) {
  std::unique_ptr<start_args> args(static_cast<start_args *>(raw));
  exit_guard guard{std::move(args->record)};
  guard.record->handle.store(pthread_self(), std::memory_order_relaxed);
  guard.record->tid.store(gettid(), std::memory_order_release);
  self_record = guard.record.get();
  void *(*start)(void *) = args->start;
  void *arg = args->arg;
  args.reset();
  return start(arg);
}

bool attr_detached(const pthread_attr_t *attr) {
  int state = PTHREAD_CREATE_JOINABLE;
  return attr && pthread_attr_getdetachstate(attr, &state) == 0 &&
         state == PTHREAD_CREATE_DETACHED;
}

} // namespace

thread_record *current_thread_record() noexcept { return self_record; }

} // namespace tether::detail

extern "C" {

/// What libtether's users ask the linker for (lib/CMakeLists.txt): naming
/// pthread_create itself is not enough when a sanitizer runtime, linked
/// first, already defines it (weakly).
[[gnu::visibility("default"), gnu::used]] int tether_thread_interposer = 1;

[[gnu::visibility("default")]] int pthread_create(pthread_t *thread,
                                                  const pthread_attr_t *attr,
                                                  void *(*start)(void *),
                                                  void *arg) {
  using namespace tether::detail;
  const create_fn real = real_create();
  if (!real)
    return EAGAIN;
  std::shared_ptr<thread_record> record;
  start_args *args = nullptr;
  try {
    record = thread_registry::instance().prepare(attr_detached(attr));
    args = new start_args{start, arg, record};
  } catch (...) {
    return real(thread, attr, start, arg); // out of memory: untracked
  }
  install_exit_report_if_requested();
  // Registered before the thread runs, so that it can be seen at once.
  thread_registry::instance().add(record);
  const int rc = real(thread, attr, trampoline, args);
  if (rc != 0) {
    thread_registry::instance().remove(record.get());
    delete args;
    return rc;
  }
  record->handle.store(*thread, std::memory_order_relaxed);
  return 0;
}

[[gnu::visibility("default")]] int pthread_detach(pthread_t thread) {
  using namespace tether::detail;
  const detach_fn real = real_detach();
  if (!real)
    return ESRCH;
  thread_registry::instance().mark_detached(thread);
  return real(thread);
}

} // extern "C"
