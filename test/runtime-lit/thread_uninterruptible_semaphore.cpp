// The runtime twin of tether-uninterruptible-wait (token-semaphore.cpp): a
// std::jthread worker checks its stop token between jobs but blocks in
// counting_semaphore::acquire(), which a stop request cannot interrupt. The
// interleaving is forced (the stop is requested once the worker is blocked in
// the futex wait of acquire()); the detector then shows the worker, with its
// stop requested, still blocked in semaphore::acquire at the line the check
// reports. The Worker is never destroyed: ~jthread's join would hang.
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-uninterruptible-wait %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <semaphore>
#include <stop_token>
#include <string>
#include <thread>

using namespace std::chrono_literals;

class Worker {
public:
  Worker() : thread_([this](std::stop_token Stop) { run(Stop); }) {}
  void post() { jobs_.release(); }
  void request_stop() { thread_.request_stop(); }
  bool stop_requested() { return thread_.get_stop_token().stop_requested(); }
  pid_t worker_tid() const { return tid_; }
  int done() const { return done_; }

private:
  void run(std::stop_token Stop) {
    pthread_setname_np(pthread_self(), "worker");
    tid_ = static_cast<pid_t>(::syscall(SYS_gettid));
    while (!Stop.stop_requested()) {
      jobs_.acquire(); // the check's line
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'acquire' blocks in a call that a stop request cannot interrupt: the worker checks its stop token only between waits, so request_stop() and join() hang while it waits [tether-uninterruptible-wait]
      ++done_;
    }
  }
  std::counting_semaphore<> jobs_{0};
  std::atomic<int> done_{0};
  std::atomic<pid_t> tid_{0};
  std::jthread thread_;
};

// Whether the thread is in the futex system call now (the first field of
// /proc/self/task/<tid>/syscall is the call's number).
bool in_futex(pid_t tid) {
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/syscall");
  long number = -1;
  return in >> number && number == SYS_futex;
}

// Waits (at most 1 s) until the worker is blocked in acquire() again.
void until_blocked(Worker &w) {
  const auto give_up = std::chrono::steady_clock::now() + 1s;
  while (!(w.worker_tid() && in_futex(w.worker_tid())) &&
         std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
}

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  Worker &worker = *new Worker; // never destroyed: ~jthread would hang
  worker.post();
  const auto give_up = std::chrono::steady_clock::now() + 1s;
  while (worker.done() < 1 && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
  until_blocked(worker);
  worker.request_stop();
  std::cout << "stop requested: " << worker.stop_requested() << '\n'
            << "jobs done: " << worker.done() << '\n'
            << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: stop requested: 1
  // CHECK: jobs done: 1
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "worker" [blocked in semaphore::acquire, at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_uninterruptible_semaphore.cpp:{{32|73}} in {{.*}}
  // CHECK: at {{.*}}thread_uninterruptible_semaphore.cpp:44 in Worker::run(std::stop_token)
  std::_Exit(0);
}
