// A program that does not link libtether, for leak_thread_test.cpp: run with
// LD_PRELOAD=libtether_threads.so TETHER_LEAK_REPORT=1, it must report the
// thread it leaves blocked when main returns.
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace {

// Never destroyed: glibc's pthread_cond_destroy at exit would wait for the
// waiter.
std::mutex &mutex = *new std::mutex;
std::condition_variable &never_notified = *new std::condition_variable;
std::atomic<bool> waiting{false};

[[gnu::noinline]] void start_forgotten_worker() {
  static std::thread *worker = new std::thread([] {
    pthread_setname_np(pthread_self(), "forgotten");
    std::unique_lock lock(mutex);
    waiting = true;
    never_notified.wait(lock);
  });
  (void)worker;
}

} // namespace

int main() {
  start_forgotten_worker();
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!waiting && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(5)); // into the wait
  return 0;
}
