// Runtime microbenchmarks, the twins of bench/go/bench_test.go.
//
// As Go's benchmarks run in goroutines, every measured loop here runs inside
// tasks: a benchmark run spawns its tasks, and the main thread waits once for
// all of them (parking an OS thread costs tens of microseconds, a fiber
// switch a fraction of one). Time per operation is the run's wall time
// divided by its iteration count, which is what Go reports as ns/op; it is
// both the benchmark's real time and its `ns_per_op` counter.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <optional>

#include <tether/tether.hpp>

namespace {

using count_t = std::int64_t;

/// Runs `body(n)` once with n = the iteration count Google Benchmark asks
/// for, timing it as n operations.
template <class Body> void measure(benchmark::State &state, Body body) {
  count_t total = 0;
  std::chrono::steady_clock::duration elapsed{};
  while (state.KeepRunningBatch(state.max_iterations)) {
    const auto n = static_cast<count_t>(state.max_iterations);
    const auto start = std::chrono::steady_clock::now();
    body(n);
    elapsed += std::chrono::steady_clock::now() - start;
    total += n;
  }
  state.counters["ns_per_op"] =
      std::chrono::duration<double, std::nano>(elapsed).count() /
      static_cast<double>(total);
}

/// Runs `fn` as a task and waits for it.
template <class F> void run_task(F fn) {
  tether::wait_group done;
  done.go(std::move(fn));
  done.wait();
}

// Two tasks bounce a value over two unbuffered channels: one op is a round
// trip (two rendezvous).
void ping_pong(benchmark::State &state) {
  measure(state, [](count_t n) {
    auto ping = tether::make_chan<count_t>();
    auto pong = tether::make_chan<count_t>();
    tether::wait_group tasks;
    tasks.go([&] {
      for (count_t i = 0; i < n; ++i)
        pong.send(*ping.recv());
    });
    tasks.go([&] {
      for (count_t i = 0; i < n; ++i) {
        ping.send(i);
        benchmark::DoNotOptimize(pong.recv());
      }
    });
    tasks.wait();
  });
}

// One producer, one consumer: one op is one value passed.
void spsc(benchmark::State &state, std::size_t capacity) {
  measure(state, [capacity](count_t n) {
    auto values = tether::make_chan<count_t>(capacity);
    tether::wait_group tasks;
    tasks.go([&] {
      for (count_t i = 0; i < n; ++i)
        values.send(i);
    });
    tasks.go([&] {
      for (count_t i = 0; i < n; ++i)
        benchmark::DoNotOptimize(values.recv());
    });
    tasks.wait();
  });
}

// Four producers and four consumers share one buffered(128) channel: one op
// is one value passed.
void mpmc(benchmark::State &state) {
  constexpr count_t parties = 4;
  measure(state, [](count_t n) {
    auto values = tether::make_chan<count_t>(128);
    tether::wait_group tasks;
    for (count_t p = 0; p < parties; ++p) {
      // Party p handles ops p, p + 4, p + 8, ...: n in all on each side.
      const count_t share = n / parties + (p < n % parties ? 1 : 0);
      tasks.go([&values, share] {
        for (count_t i = 0; i < share; ++i)
          values.send(i);
      });
      tasks.go([&values, share] {
        for (count_t i = 0; i < share; ++i)
          benchmark::DoNotOptimize(values.recv());
      });
    }
    tasks.wait();
  });
}

// A producer feeds two buffered(128) channels in turn; the consumer selects
// over both: one op is one select that receives.
void select_two(benchmark::State &state) {
  measure(state, [](count_t n) {
    auto a = tether::make_chan<count_t>(128);
    auto b = tether::make_chan<count_t>(128);
    tether::wait_group tasks;
    tasks.go([&] {
      for (count_t i = 0; i < n; ++i)
        (i % 2 == 0 ? a : b).send(i);
    });
    tasks.go([&] {
      count_t sum = 0;
      auto add = [&sum](count_t v) { sum += v; };
      for (count_t i = 0; i < n; ++i)
        tether::select(tether::on_recv(a, add), tether::on_recv(b, add));
      benchmark::DoNotOptimize(sum);
    });
    tasks.wait();
  });
}

// A non-blocking receive on an empty channel (Go: select with default).
void try_recv_empty(benchmark::State &state) {
  measure(state, [](count_t n) {
    auto empty = tether::make_chan<count_t>();
    run_task([&] {
      for (count_t i = 0; i < n; ++i)
        benchmark::DoNotOptimize(empty.try_recv());
    });
  });
}

// A task starts a task and waits for it to finish: one op is one spawn and
// one join.
void spawn_join(benchmark::State &state) {
  measure(state, [](count_t n) {
    run_task([n] {
      for (count_t i = 0; i < n; ++i) {
        tether::wait_group child;
        child.go([] {});
        child.wait();
      }
    });
  });
}

// A cancellable context made, cancelled and observed through done().
void context_cancel(benchmark::State &state) {
  measure(state, [](count_t n) {
    run_task([n] {
      for (count_t i = 0; i < n; ++i) {
        auto [ctx, cancel] = tether::with_cancel(tether::background());
        cancel();
        benchmark::DoNotOptimize(ctx.done().recv());
      }
    });
  });
}

void register_all() {
  auto add = [](const char *name, auto fn) {
    benchmark::RegisterBenchmark(name, fn)->UseRealTime();
  };
  add("PingPong", ping_pong);
  add("SPSCUnbuffered", [](benchmark::State &s) { spsc(s, 0); });
  add("SPSCBuffered128", [](benchmark::State &s) { spsc(s, 128); });
  add("MPMC4x4Buffered128", mpmc);
  add("SelectTwo", select_two);
  add("TryRecvEmpty", try_recv_empty);
  add("SpawnJoin", spawn_join);
  add("ContextCancel", context_cancel);
}

} // namespace

int main(int argc, char **argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
