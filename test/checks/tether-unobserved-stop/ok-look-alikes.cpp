// RUN: %check_tether %s tether-unobserved-stop %t

// Workers that hear the stop signal, or whose loops end on their own.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <vector>

// The loop reads the flag through a helper, two calls down.
class ThroughHelper {
public:
  void start() {
    worker_ = std::thread([this] { serve(); });
  }
  void stop() {
    running_ = false;
    worker_.join();
  }

private:
  bool stopping() const { return !running_; }
  bool should_stop() const { return stopping(); }
  void serve() {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
      if (should_stop())
        break;
    }
  }
  std::atomic<bool> running_{true};
  int fd_ = -1;
  std::thread worker_;
};

// A timed wait that re-checks the flag.
class TimedWait {
public:
  void start() {
    worker_ = std::thread([this] { loop(); });
  }
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    worker_.join();
  }

private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      cv_.wait_for(lock, std::chrono::milliseconds(100));
      if (done_)
        return;
    }
  }
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread worker_;
};

// Bounded loops: a counted loop and a loop over a container.
class Bounded {
public:
  void start() {
    worker_ = std::thread([this] { work(); });
  }
  void stop() {
    stop_ = true;
    worker_.join();
  }

private:
  void work() {
    for (int i = 0; i < 16; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    for (int item : items_)
      std::this_thread::sleep_for(std::chrono::milliseconds(item));
  }
  std::atomic<bool> stop_{false};
  std::vector<int> items_;
  std::thread worker_;
};

// The signal is passed down as a parameter.
class AsParameter {
public:
  void start() {
    worker_ = std::thread([this] { serve(sock_); });
  }
  void stop() {
    sock_ = -1;
    worker_.join();
  }

private:
  static void serve(const std::atomic<int> &sock) {
    char byte;
    while (sock != -1 && recv(sock, &byte, 1, 0) > 0) {
    }
  }
  std::atomic<int> sock_{-1};
  std::thread worker_;
};

// The loop calls a member without a body here, which may read the flag.
class Opaque {
public:
  void start() {
    worker_ = std::thread([this] { loop(); });
  }
  void stop() {
    running_ = false;
    worker_.join();
  }

private:
  void tick();
  void loop() {
    for (;;)
      tick();
  }
  std::atomic<bool> running_{true};
  std::thread worker_;
};

// No join on the stop path: another check's business.
class NoJoin {
public:
  void start() {
    worker_ = std::thread([this] {
      for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
    });
  }
  void stop() { running_ = false; }

private:
  std::atomic<bool> running_{true};
  std::thread worker_;
};
