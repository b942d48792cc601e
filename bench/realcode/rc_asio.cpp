// Real-code corpus TU (issue 9): Debian's standalone asio 1.22, C++20
// coroutines: a TCP echo server (co_spawn, awaitable accept/read/write), a
// heartbeat on a steady_timer that ends when its socket closes, a strand-
// protected counter and io_context::run on a few threads with a work guard.
// asio 1.22 enables co_await under clang only with <experimental/coroutine>
// (libc++); with libstdc++'s <coroutine> the application opts in, as asio's
// own documentation says.
#define ASIO_HAS_CO_AWAIT 1
#define ASIO_HAS_STD_COROUTINE 1
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace corpus {

using asio::awaitable;
using asio::co_spawn;
using asio::detached;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;

awaitable<void> heartbeat(tcp::socket &socket) {
  asio::steady_timer timer(socket.get_executor());
  while (socket.is_open()) {
    timer.expires_after(std::chrono::seconds(1));
    co_await timer.async_wait(use_awaitable);
    if (!socket.is_open())
      co_return;
    co_await asio::async_write(socket, asio::buffer("\n", 1), use_awaitable);
  }
}

awaitable<void> echo(tcp::socket socket) {
  std::array<char, 1024> data;
  try {
    for (;;) {
      std::size_t n =
          co_await socket.async_read_some(asio::buffer(data), use_awaitable);
      co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
    }
  } catch (const std::exception &) {
    // peer closed: the loop ends with the connection
  }
}

awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(
        asio::experimental::as_tuple(use_awaitable));
    if (ec)
      co_return; // acceptor closed
    co_spawn(acceptor.get_executor(), echo(std::move(socket)), detached);
  }
}

awaitable<bool> read_with_timeout(tcp::socket &socket,
                                  std::chrono::milliseconds limit) {
  std::array<char, 64> buf;
  asio::steady_timer timer(socket.get_executor(), limit);
  auto result =
      co_await (socket.async_read_some(asio::buffer(buf), use_awaitable) ||
                timer.async_wait(use_awaitable));
  co_return result.index() == 0;
}

class counter {
public:
  explicit counter(asio::io_context &io) : strand_(asio::make_strand(io)) {}
  void bump() {
    asio::post(strand_, [this] { ++value_; });
  }
  int value() const { return value_; }

private:
  asio::strand<asio::io_context::executor_type> strand_;
  int value_ = 0;
};

int run_echo_server() {
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  tcp::acceptor acceptor(io, tcp::endpoint(tcp::v4(), 0));
  auto port = acceptor.local_endpoint().port();
  co_spawn(io, listener(std::move(acceptor)), detached);

  counter hits(io);
  for (int i = 0; i < 100; ++i)
    hits.bump();

  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&io] { io.run(); });

  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code &, int) { io.stop(); });

  tcp::socket client(io);
  client.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
  asio::write(client, asio::buffer("ping", 4));
  client.close();

  guard.reset();
  io.stop();
  for (auto &t : threads)
    t.join();
  return hits.value();
}

} // namespace corpus
