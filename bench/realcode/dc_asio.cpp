// Real-code TU for tether-dropped-cancellation: Debian's standalone asio
// (installed headers only). An io_context run on std::jthreads, stopped
// through their stop tokens; a steady_timer that re-arms itself until a stop
// is requested; a work guard released on stop.
#include <asio.hpp>

#include <chrono>
#include <functional>
#include <stop_token>
#include <thread>
#include <vector>

class io_service_pool {
public:
  explicit io_service_pool(int threads) : guard_(asio::make_work_guard(io_)) {
    for (int i = 0; i < threads; ++i)
      threads_.emplace_back([this](std::stop_token stop) {
        std::stop_callback on_stop(stop, [this] { io_.stop(); });
        io_.run();
      });
  }
  ~io_service_pool() { guard_.reset(); }
  asio::io_context &context() { return io_; }

private:
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> guard_;
  std::vector<std::jthread> threads_;
};

class heartbeat {
public:
  heartbeat(asio::io_context &io, std::stop_token stop)
      : timer_(io), stop_(std::move(stop)) {
    arm();
  }

private:
  void arm() {
    if (stop_.stop_requested())
      return;
    timer_.expires_after(std::chrono::milliseconds(100));
    timer_.async_wait([this](const asio::error_code &error) {
      if (!error)
        arm();
    });
  }
  asio::steady_timer timer_;
  std::stop_token stop_;
};

int run_asio() {
  std::stop_source source;
  io_service_pool pool(2);
  heartbeat beat(pool.context(), source.get_token());
  asio::post(pool.context(), [] {});
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  source.request_stop();
  return 0;
}
