// The runtime twin of tether-loop-without-exit (thread-pool-no-shutdown.cpp):
// a hand-written pool whose workers wait on a condition variable for jobs
// in a loop that nothing can end. Once the jobs are done the detector shows
// both workers blocked in condition_variable::wait for good, in the
// worker's loop; a pool with a stop flag would have let them return. (The
// spawn site shown is the standard library's construct_at, where
// emplace_back builds the thread.)
// REQUIRES: tether-runtime
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

class pool {
public:
  explicit pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { run(); });
  }
  void submit(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(m_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [this] { return !jobs_.empty(); });
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
};

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  auto *workers = new pool(2); // never destroyed: ~thread would terminate
  std::mutex m;
  std::condition_variable cv;
  int done = 0;
  for (int i = 0; i < 4; ++i)
    workers->submit([&] {
      std::lock_guard<std::mutex> lock(m);
      ++done;
      cv.notify_one();
    });
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return done == 4; });
  }
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 2 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "{{.*}}" [blocked in condition_variable::wait, at least {{.*}}]
  // CHECK: at {{.*}}thread_pool_no_shutdown.cpp:45 in pool::run()
  // CHECK: thread {{[0-9]+}} "{{.*}}" [blocked in condition_variable::wait, at least {{.*}}]
  std::_Exit(0);
}
