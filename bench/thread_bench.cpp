// What seeing every thread costs (docs/runtime.md, "Threads"): creating and
// joining a thread through tether's pthread_create interposer against libc's
// own pthread_create, the spawn-stack capture alone, and one look
// (leak::snapshot: /proc, a signal to each thread, symbols) at N blocked
// threads, which should grow linearly in N.
#include <benchmark/benchmark.h>

#include <dlfcn.h>
#include <execinfo.h>
#include <pthread.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <tether/leak.hpp>

namespace {

using create_fn = int (*)(pthread_t *, const pthread_attr_t *,
                          void *(*)(void *), void *);

void *nothing(void *) { return nullptr; }

void create_join(benchmark::State &state, create_fn create) {
  for (auto _ : state) {
    pthread_t t;
    if (create(&t, nullptr, nothing, nullptr) != 0)
      state.SkipWithError("pthread_create failed");
    pthread_join(t, nullptr);
  }
}

/// Through tether's interposer (the symbol the program links against).
void BM_PthreadCreateJoin_Interposed(benchmark::State &state) {
  create_join(state, &pthread_create);
}
BENCHMARK(BM_PthreadCreateJoin_Interposed)->UseRealTime();

/// libc's pthread_create, bypassing the interposer.
void BM_PthreadCreateJoin_Libc(benchmark::State &state) {
  static const auto real =
      reinterpret_cast<create_fn>(dlsym(RTLD_NEXT, "pthread_create"));
  create_join(state, real);
}
BENCHMARK(BM_PthreadCreateJoin_Libc)->UseRealTime();

/// The part of the interposer's cost that is the unwind of the creator.
void BM_SpawnStackCapture(benchmark::State &state) {
  void *pcs[48];
  for (auto _ : state)
    benchmark::DoNotOptimize(::backtrace(pcs, 48));
}
BENCHMARK(BM_SpawnStackCapture);

/// One leak::snapshot() with N threads blocked on a condition variable.
void BM_LookAtBlockedThreads(benchmark::State &state) {
  std::mutex mutex;
  std::condition_variable cv;
  bool open = false;
  std::vector<std::thread> threads;
  for (int i = 0; i < state.range(0); ++i)
    threads.emplace_back([&] {
      std::unique_lock lock(mutex);
      cv.wait(lock, [&] { return open; });
    });
  (void)tether::leak::snapshot(); // symbols cached
  for (auto _ : state)
    benchmark::DoNotOptimize(tether::leak::snapshot());
  {
    std::lock_guard lock(mutex);
    open = true;
  }
  cv.notify_all();
  for (auto &t : threads)
    t.join();
}
BENCHMARK(BM_LookAtBlockedThreads)->Arg(1)->Arg(8)->Arg(64)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
