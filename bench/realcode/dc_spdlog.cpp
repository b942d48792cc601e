// Real-code TU for tether-dropped-cancellation: Debian's spdlog (installed
// headers only) with std::jthread and std::stop_token, the way applications
// combine them: a flusher thread that sleeps on a condition_variable_any
// until stopped, spdlog's own periodic_worker and thread pool, and a logger
// thread fed from a queue.
#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

class log_pump {
public:
  explicit log_pump(std::shared_ptr<spdlog::logger> logger)
      : logger_(std::move(logger)),
        worker_([this](std::stop_token stop) { run(stop); }) {}

  void post(std::string line) {
    {
      std::lock_guard lock(mutex_);
      lines_.push_back(std::move(line));
    }
    ready_.notify_one();
  }

private:
  void run(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
      if (!ready_.wait(lock, stop, [this] { return !lines_.empty(); }))
        break;
      std::string line = std::move(lines_.front());
      lines_.pop_front();
      lock.unlock();
      logger_->info(line);
      lock.lock();
    }
  }

  std::shared_ptr<spdlog::logger> logger_;
  std::mutex mutex_;
  std::condition_variable_any ready_;
  std::deque<std::string> lines_;
  std::jthread worker_;
};

void flusher(std::stop_token stop, std::shared_ptr<spdlog::logger> logger) {
  std::mutex m;
  std::condition_variable_any cv;
  std::unique_lock lock(m);
  while (
      !cv.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; })) {
    if (stop.stop_requested())
      return;
    logger->flush();
  }
}

int run_logging() {
  spdlog::init_thread_pool(8192, 1);
  auto logger = spdlog::basic_logger_mt<spdlog::async_factory>(
      "dc", "/tmp/dc_spdlog.log");
  spdlog::flush_every(std::chrono::seconds(1));
  {
    log_pump pump(logger);
    std::jthread flush(flusher, logger);
    std::stop_callback on_stop(flush.get_stop_token(),
                               [&] { logger->info("flusher stopping"); });
    for (int i = 0; i < 10; ++i)
      pump.post("line " + std::to_string(i));
  }
  spdlog::shutdown();
  return 0;
}
