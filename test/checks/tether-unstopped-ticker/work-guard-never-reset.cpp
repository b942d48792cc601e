// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// An io_context run on a thread while a work guard keeps it busy: the
// owner's stop joins the thread without resetting the guard or stopping the
// loop, so run() never returns and the join hangs.
#include <asio.hpp>

#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

class io_worker {
public:
  io_worker() : work_(asio::make_work_guard(io_)) {
    thread_ = std::thread([this] { io_.run(); });
  }

  void stop() {
    thread_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'join' waits for a thread that runs an asio event loop while the work guard 'work_' keeps it busy; 'run()' never returns and the join hangs [tether-unstopped-ticker]
    // CHECK-MESSAGES: :[[@LINE-6]]:36: note: the event loop runs here
    // CHECK-MESSAGES: :[[@LINE+13]]:62: note: reset 'work_' (or stop the io_context) before joining, on every path
  }

  ~io_worker() {
    if (thread_.joinable())
      thread_.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'join' waits for a thread that runs an asio event loop while the work guard 'work_' keeps it busy
    // CHECK-MESSAGES: :[[@LINE-14]]:36: note: the event loop runs here
    // CHECK-MESSAGES: :[[@LINE+5]]:62: note: reset 'work_'
  }

private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::thread thread_;
};

void local_guard() {
  asio::io_context io;
  auto work = asio::make_work_guard(io);
  std::thread runner([&io] { io.run(); });
  asio::post(io, [] { std::puts("posted"); });
  runner.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'join' waits for a thread that runs an asio event loop while the work guard 'work' keeps it busy
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the event loop runs here
  // CHECK-MESSAGES: :[[@LINE-6]]:8: note: reset 'work'
}

#ifdef RUNTIME_TWIN
// The runtime twin: with the guard alive, run() has not returned when the
// owner would join (the join itself would hang: it is not made here).
using namespace std::chrono_literals;
int main() {
  asio::io_context io;
  auto work = asio::make_work_guard(io);
  auto done = std::async(std::launch::async, [&io] { io.run(); });
  // RUNTIME: run() returned: 0
  std::printf("run() returned: %d\n",
              done.wait_for(200ms) == std::future_status::ready ? 1 : 0);
  work.reset();
  done.wait();
  return 0;
}
#endif
