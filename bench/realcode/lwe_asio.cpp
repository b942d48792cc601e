// Real-code TU for tether-loop-without-exit: Debian's standalone asio 1.22
// (installed headers, header-only). io_context::run on worker threads with a
// work guard, a steady_timer chain, an asio::thread_pool, and a blocking
// accept loop on a thread that closes its acceptor to stop.
#include <asio.hpp>

#include <atomic>
#include <thread>
#include <vector>

void tick(asio::steady_timer &timer, std::atomic<int> &left) {
  timer.expires_after(std::chrono::milliseconds(10));
  timer.async_wait([&](const asio::error_code &ec) {
    if (!ec && --left > 0)
      tick(timer, left);
  });
}

void run_io() {
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i)
    workers.emplace_back([&io] { io.run(); });
  std::thread runner([&io] { io.run(); });

  asio::steady_timer timer(io);
  std::atomic<int> left{3};
  tick(timer, left);

  asio::thread_pool pool(2);
  asio::post(pool, [] {});
  pool.join();

  asio::ip::tcp::acceptor acceptor(
      io, asio::ip::tcp::endpoint(asio::ip::tcp::v4(), 0));
  std::thread accept_loop([&acceptor] {
    for (;;) {
      asio::error_code ec;
      asio::ip::tcp::socket socket = acceptor.accept(ec);
      if (ec)
        return; // the acceptor was closed
    }
  });
  acceptor.close();
  accept_loop.join();

  guard.reset();
  runner.join();
  for (auto &w : workers)
    w.join();
}
