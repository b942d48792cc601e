// Real-code corpus TU (issue 9): Debian's spdlog 1.10 with the external fmt 9,
// as services use it: several sinks, an async logger on spdlog's thread pool,
// a background flusher that stops with its std::jthread, and a log-shipping
// worker draining a queue until it is told to stop.
#include <spdlog/async.h>
#include <spdlog/fmt/ostr.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace corpus {

struct request_stats {
  std::string route;
  int status = 200;
  std::chrono::microseconds latency{0};
};

std::shared_ptr<spdlog::logger> make_service_logger(const std::string &dir) {
  auto console = std::make_shared<spdlog::sinks::stdout_color_sink_mt>();
  console->set_level(spdlog::level::info);
  auto rotating = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
      dir + "/service.log", 1 << 20, 3);
  auto ring = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(128);
  std::vector<spdlog::sink_ptr> sinks{console, rotating, ring};
  auto logger =
      std::make_shared<spdlog::logger>("service", sinks.begin(), sinks.end());
  logger->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%n] [%^%l%$] %v");
  logger->flush_on(spdlog::level::warn);
  spdlog::register_logger(logger);
  return logger;
}

// Flushes the logger every interval until its jthread is stopped.
class background_flusher {
public:
  background_flusher(std::shared_ptr<spdlog::logger> logger,
                     std::chrono::milliseconds every)
      : worker_([logger = std::move(logger), every](std::stop_token stop) {
          std::mutex m;
          std::condition_variable_any cv;
          std::unique_lock lock(m);
          while (!stop.stop_requested()) {
            cv.wait_for(lock, stop, every, [] { return false; });
            logger->flush();
          }
        }) {}

private:
  std::jthread worker_;
};

// Ships log lines to a collector; exits when stopped and the queue drained.
class log_shipper {
public:
  explicit log_shipper(std::shared_ptr<spdlog::logger> logger)
      : logger_(std::move(logger)),
        worker_([this](std::stop_token stop) { run(stop); }) {}

  void push(std::string line) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(line));
    }
    ready_.notify_one();
  }

private:
  void run(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, stop, [this] { return !queue_.empty(); });
      if (queue_.empty() && stop.stop_requested())
        return;
      while (!queue_.empty()) {
        auto line = std::move(queue_.front());
        queue_.pop_front();
        logger_->debug("shipping {} bytes", line.size());
      }
    }
  }

  std::shared_ptr<spdlog::logger> logger_;
  std::mutex mutex_;
  std::condition_variable_any ready_;
  std::deque<std::string> queue_;
  std::jthread worker_;
};

int serve_requests(int n) {
  spdlog::init_thread_pool(8192, 1);
  auto async = spdlog::rotating_logger_mt<spdlog::async_factory>(
      "access", "/tmp/corpus_access.log", 1 << 20, 2);
  auto logger = make_service_logger("/tmp");
  background_flusher flusher(logger, std::chrono::milliseconds(200));
  log_shipper shipper(logger);

  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([async, w, n] {
      for (int i = 0; i < n; ++i) {
        request_stats s{"/api/v1/items", i % 7 == 0 ? 500 : 200,
                        std::chrono::microseconds(100 * i)};
        if (s.status >= 500)
          async->error("worker {} {} -> {} in {}us", w, s.route, s.status,
                       s.latency.count());
        else
          async->info("worker {} {} -> {}", w, s.route, s.status);
      }
    });
  }
  for (auto &t : workers)
    t.join();
  shipper.push("done");
  spdlog::drop_all();
  spdlog::shutdown();
  return 0;
}

} // namespace corpus
