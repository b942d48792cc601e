// leak::monitor (the automated monitor of the Go interview chapter's
// detection method 3) and the global deadlock watchdog: a thread that looks
// at the registry only while some known plain thread is blocked in tether (a
// deadlock needs one), so it costs nothing while programs run.
#include <tether/leak.hpp>

#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "leak_internal.hpp"
#include "task_registry.hpp"
#include "thread_registry.hpp"

namespace tether::leak {

struct monitor::state {
  std::mutex mutex;
  std::condition_variable stop_requested;
  bool stopping = false;
  std::thread sampler;
};

monitor::monitor(std::size_t threshold, clock::duration period,
                 callback on_exceeded)
    : baseline_(detail::task_registry::instance().task_count()),
      state_(std::make_unique<state>()) {
  if (!on_exceeded)
    on_exceeded = [](const sample &s) {
      std::cerr << "tether: possible task leak: baseline " << s.baseline
                << ", now " << s.current << ", +" << s.current - s.baseline
                << " exceeds threshold " << s.threshold << '\n';
    };
  const detail::runtime_thread_scope ours; // never reported as a leak
  state_->sampler = std::thread([this, threshold, period,
                                 on_exceeded = std::move(on_exceeded)] {
    std::unique_lock lock(state_->mutex);
    while (!state_->stop_requested.wait_for(lock, period,
                                            [&] { return state_->stopping; })) {
      const std::size_t current =
          detail::task_registry::instance().task_count();
      if (current > baseline_ + threshold) {
        lock.unlock();
        on_exceeded({baseline_, current, threshold});
        lock.lock();
      }
    }
  });
}

monitor::~monitor() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->stop_requested.notify_all();
  state_->sampler.join();
}

namespace {

struct watchdog {
  std::mutex mutex;
  std::condition_variable changed;
  int blocked_threads = 0; // guarded by mutex
  bool started = false;
  bool reported = false; // this deadlock was reported already
  std::function<void(const report &)> handler = [](const report &r) {
    std::cerr << "tether: fatal: all tasks and threads are asleep - deadlock!\n"
              << r;
    std::cerr.flush();
  };

  void run() {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return blocked_threads > 0; });
      // Look now, then again every few ms while a thread stays blocked: the
      // last task may block after the thread did.
      lock.unlock();
      if (detail::all_records_blocked()) {
        report r = detail::scan(options());
        lock.lock();
        if (r.global_deadlock && !reported) {
          reported = true;
          auto report_to = handler;
          lock.unlock();
          report_to(r);
          lock.lock();
        }
      } else {
        lock.lock();
        reported = false;
      }
      changed.wait_for(lock, std::chrono::milliseconds(5));
    }
  }
};

watchdog &the_watchdog() {
  static auto *dog = new watchdog; // its thread never stops
  return *dog;
}

} // namespace

void set_deadlock_handler(std::function<void(const report &)> handler) {
  auto &dog = the_watchdog();
  std::lock_guard lock(dog.mutex);
  dog.handler = std::move(handler);
  dog.reported = false;
}

} // namespace tether::leak

namespace tether::detail {

void on_thread_blocked(bool blocked) noexcept {
  auto &dog = leak::the_watchdog();
  {
    std::lock_guard lock(dog.mutex);
    dog.blocked_threads += blocked ? 1 : -1;
    if (!blocked)
      return;
    if (!dog.started) {
      dog.started = true;
      const runtime_thread_scope ours; // never reported as a leak
      std::thread([&dog] { dog.run(); }).detach();
    }
  }
  dog.changed.notify_all();
}

} // namespace tether::detail
