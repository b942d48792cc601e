// RUN: %check_tether %s tether-unstopped-ticker %t

// The owner's stop lets run() return before it joins, on every path: the
// guard reset, the io_context stopped, the guard held in an optional and
// reset, or released by a helper of the class. A join of a thread that runs
// no event loop is not this rule's. Silent.
#include <asio.hpp>

#include <memory>
#include <optional>
#include <thread>

class reset_guard {
public:
  reset_guard() : work_(asio::make_work_guard(io_)) {
    thread_ = std::thread([this] { io_.run(); });
  }
  ~reset_guard() {
    work_.reset();
    thread_.join();
  }

private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::thread thread_;
};

class stopped_loop {
public:
  stopped_loop() : work_(asio::make_work_guard(io_)) {
    thread_ = std::thread([this] { io_.run(); });
  }
  void stop() {
    io_.stop();
    thread_.join();
  }

private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::thread thread_;
};

class optional_guard {
public:
  optional_guard() {
    work_.emplace(io_.get_executor());
    thread_ = std::thread([this] { io_.run(); });
  }
  void stop() {
    work_ = std::nullopt;
    thread_.join();
  }

private:
  asio::io_context io_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>>
      work_;
  std::thread thread_;
};

class helper_releases {
public:
  helper_releases() : work_(std::make_unique<guard>(io_.get_executor())) {
    thread_ = std::thread([this] { io_.run(); });
  }
  void stop() {
    release();
    thread_.join();
  }

private:
  using guard = asio::executor_work_guard<asio::io_context::executor_type>;
  void release() { work_.reset(); }
  asio::io_context io_;
  std::unique_ptr<guard> work_;
  std::thread thread_;
};

class no_event_loop {
public:
  no_event_loop() : work_(asio::make_work_guard(io_)) {
    thread_ = std::thread([] {});
  }
  ~no_event_loop() { thread_.join(); }

private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  std::thread thread_;
};
