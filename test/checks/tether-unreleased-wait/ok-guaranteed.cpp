// RUN: %check_tether %s tether-unreleased-wait %t

// The release is guaranteed: on every path, from a scope guard, or by a
// public stop() that always releases (a way out for the waiter).
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

struct scope_exit {
  explicit scope_exit(std::function<void()> &&f) : f_(std::move(f)) {}
  ~scope_exit() { f_(); }
  std::function<void()> f_;
};

class Server {
public:
  bool listen(int port) {
    auto se = scope_exit([&] { done_ = true; });
    return bind(port) && serve();
  }
  void wait_until_ready() const {
    while (!done_)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

private:
  bool bind(int port);
  bool serve();
  std::atomic<bool> done_{false};
};

class Job {
public:
  void finish(bool ok) {
    if (!ok)
      return;
    over_ = true;
  }
  void cancel() { over_ = true; }
  void join() {
    while (!over_)
      std::this_thread::yield();
  }

private:
  std::atomic<bool> over_{false};
};

std::atomic<bool> flag{false};
void set_flag(bool quick) {
  if (quick) {
    flag = true;
    return;
  }
  flag = true;
}
void wait_flag() {
  while (!flag)
    std::this_thread::yield();
}
