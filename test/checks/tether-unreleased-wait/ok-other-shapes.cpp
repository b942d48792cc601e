// RUN: %check_tether %s tether-unreleased-wait %t

// Look-alikes that are not waits on another thread's release: a loop that
// does work (not a wait), a loop whose body writes the flag itself, a flag
// released in no function of this file (another file's thread), and a
// release in a try block caught locally.
#include <atomic>
#include <stdexcept>
#include <thread>

std::atomic<bool> running{true};
void process();
void worker() {
  while (running) {
    process();
    std::this_thread::yield();
  }
}
void stop(bool now) {
  if (!now)
    return;
  running = false;
}

std::atomic<bool> spin{false};
void self() {
  while (!spin) {
    spin = true;
    std::this_thread::yield();
  }
}

extern std::atomic<bool> remote_ready;
void wait_remote() {
  while (!remote_ready)
    std::this_thread::yield();
}

std::atomic<bool> ready{false};
void check();
void prepare() {
  try {
    check();
  } catch (...) {
  }
  ready = true;
}
void wait_ready() {
  while (!ready)
    std::this_thread::yield();
}

// The waiter arms the count itself (the number of queued requests) and the
// requests decrement it only when they see `stop`: which paths must release
// is a fact of the count, not of the requests' code.
#include <condition_variable>
#include <mutex>
class Limiter {
public:
  ~Limiter() {
    std::unique_lock<std::mutex> lock(m_);
    stop_ = true;
    to_wait_ = queued_;
    while (to_wait_ > 0)
      exit_cv_.wait(lock);
  }
  void request(int bytes) {
    std::unique_lock<std::mutex> lock(m_);
    if (stop_)
      return;
    if (bytes == 0)
      return;
    ++queued_;
    while (!stop_ && bytes > 0)
      bytes -= grant();
    --queued_;
    if (stop_) {
      --to_wait_;
      exit_cv_.notify_one();
    }
  }

private:
  int grant();
  std::mutex m_;
  std::condition_variable exit_cv_;
  bool stop_ = false;
  int queued_ = 0;
  int to_wait_ = 0;
};

// A counter armed by one function (per queued write) and released by a
// helper that another function calls on some paths only: the paths without
// the call are paths without an arm.
class Writer {
public:
  void walOnly(int n) { pending_ += n; }
  bool write(bool unordered, int n) {
    if (!unordered)
      return false;
    if (n == 0)
      return true;
    writeMemtable();
    return true;
  }
  void waitPending() {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [&] { return pending_.load() == 0; });
  }

private:
  void writeMemtable() {
    if (pending_.fetch_sub(1) == 1) {
      std::lock_guard<std::mutex> lock(m_);
      cv_.notify_all();
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::atomic<int> pending_{0};
};
