// RUN: %check_tether %s tether-stranded-producer %t

// The parties in lambdas: the consumers are thread bodies, the producer a
// callback, the stop path a lambda too.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

struct Pipeline {
  std::mutex mu;
  std::condition_variable has_room;
  std::condition_variable has_work;
  std::deque<int> work;
  bool done = false;
  std::vector<std::thread> threads;

  Pipeline() {
    for (int i = 0; i < 4; ++i)
      threads.emplace_back([this] {
        for (;;) {
          std::unique_lock<std::mutex> lock(mu);
          has_work.wait(lock, [this] { return done || !work.empty(); });
          if (done)
            return;
          work.pop_front();
          has_room.notify_one();
        }
      });
  }

  std::function<void(int)> sink() {
    return [this](int item) {
      std::unique_lock<std::mutex> lock(mu);
      while (work.size() > 64)
        has_room.wait(lock);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: this wait on 'has_room' for room in the queue can block forever: the stop path lets the consumers exit, and the wait neither checks 'done' nor is woken by the stop path [tether-stranded-producer]
      work.push_back(item);
      has_work.notify_one();
    };
  }

  std::function<void()> stopper() {
    return [this] {
      {
        std::lock_guard<std::mutex> lock(mu);
        done = true;
      }
      has_work.notify_all();
    };
  }
};
