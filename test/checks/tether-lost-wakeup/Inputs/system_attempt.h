#pragma clang system_header
// A library's notifier whose waiter is in the library's own sources.
#include <atomic>
#include <condition_variable>
#include <mutex>

struct system_attempt {
  std::atomic<unsigned> pulling{0};
  std::mutex mutex;
  std::condition_variable condition;
  void pull_finished() {
    --pulling;
    condition.notify_all();
  }
};
