// Real-code TU for tether-loop-without-exit: Debian's spdlog (installed
// headers only, header-only mode), used the way applications use it: an
// async logger on spdlog's thread pool, a periodic flusher (spdlog's
// periodic_worker), and an application thread that logs in a loop.
#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <thread>

std::atomic<bool> g_stop{false};

int main_like() {
  spdlog::init_thread_pool(8192, 2); // details::thread_pool: worker_loop_
  auto logger = spdlog::basic_logger_mt<spdlog::async_factory>(
      "async", "/tmp/lwe_spdlog.log");
  spdlog::flush_every(std::chrono::seconds(1)); // details::periodic_worker
  std::thread producer([logger] {
    while (!g_stop.load())
      logger->info("tick");
  });
  g_stop = true;
  producer.join();
  spdlog::shutdown();
  return 0;
}
