#include "recent_clock.hpp"

#include <thread>

#include <tether/config.hpp>
#include <tether/detail/task_record.hpp>

#include "thread_registry.hpp"

namespace tether::detail {
namespace {

void publish() noexcept {
  recent_clock_ns.store(precise_now_ns(), std::memory_order_relaxed);
}

/// Workers asleep for lack of work.
std::atomic<std::size_t> sleeping_workers{0};

/// Runs for the whole process, as the workers do.
TETHER_ANNOTATE("tether::lives_forever")
[[noreturn]] void tick_forever(std::size_t workers) {
  for (;;) {
    publish();
    const std::size_t asleep = sleeping_workers.load(std::memory_order_acquire);
    if (asleep == workers)
      sleeping_workers.wait(asleep, std::memory_order_acquire);
    else
      std::this_thread::sleep_for(recent_clock_tick);
  }
}

} // namespace

std::atomic<std::int64_t> recent_clock_ns{0};

void start_recent_clock(std::size_t workers) {
  publish();
  const runtime_thread_scope ours; // never reported as a leak
  std::thread(tick_forever, workers).detach();
}

void worker_sleeps() noexcept {
  sleeping_workers.fetch_add(1, std::memory_order_release);
}

void worker_wakes() noexcept {
  publish(); // before any task of this worker reads it
  sleeping_workers.fetch_sub(1, std::memory_order_release);
  sleeping_workers.notify_one();
}

} // namespace tether::detail
