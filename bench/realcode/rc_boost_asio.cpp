// Real-code corpus TU (issue 9): Boost.Asio 1.81 from Debian's boost: a
// callback-style session manager, a periodic timer that re-arms itself until
// cancelled, a boost::asio::thread_pool and a deadline on a blocking connect.
#include <boost/asio.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <thread>

namespace corpus {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class session : public std::enable_shared_from_this<session> {
public:
  explicit session(tcp::socket socket) : socket_(std::move(socket)) {}
  void start() { read(); }
  void stop() {
    boost::system::error_code ignored;
    socket_.close(ignored);
  }

private:
  void read() {
    auto self = shared_from_this();
    socket_.async_read_some(
        net::buffer(buffer_),
        [this, self](boost::system::error_code ec, std::size_t n) {
          if (ec)
            return; // closed or failed: the chain ends
          net::async_write(
              socket_, net::buffer(buffer_, n),
              [this, self](boost::system::error_code ec, std::size_t) {
                if (!ec)
                  read();
              });
        });
  }

  tcp::socket socket_;
  std::array<char, 512> buffer_{};
};

class server {
public:
  server(net::io_context &io, unsigned short port)
      : acceptor_(io, tcp::endpoint(tcp::v4(), port)), stats_timer_(io) {
    accept();
    arm_stats();
  }

  void shutdown() {
    acceptor_.close();
    stats_timer_.cancel();
    for (auto &s : sessions_)
      s->stop();
    sessions_.clear();
  }

private:
  void accept() {
    acceptor_.async_accept(
        [this](boost::system::error_code ec, tcp::socket socket) {
          if (ec)
            return; // acceptor closed
          auto s = std::make_shared<session>(std::move(socket));
          sessions_.insert(s);
          s->start();
          accept();
        });
  }

  void arm_stats() {
    stats_timer_.expires_after(std::chrono::seconds(5));
    stats_timer_.async_wait([this](boost::system::error_code ec) {
      if (ec == net::error::operation_aborted)
        return;
      ++reports_;
      arm_stats();
    });
  }

  tcp::acceptor acceptor_;
  net::steady_timer stats_timer_;
  std::set<std::shared_ptr<session>> sessions_;
  int reports_ = 0;
};

bool connect_with_deadline(net::io_context &io, const tcp::endpoint &to,
                           std::chrono::milliseconds limit) {
  tcp::socket socket(io);
  net::steady_timer deadline(io, limit);
  bool connected = false;
  socket.async_connect(to, [&](boost::system::error_code ec) {
    connected = !ec;
    deadline.cancel();
  });
  deadline.async_wait([&](boost::system::error_code ec) {
    if (!ec)
      socket.close();
  });
  io.restart();
  io.run();
  return connected;
}

int run_server() {
  net::io_context io;
  server srv(io, 0);
  net::thread_pool pool(2);
  std::atomic<int> done{0};
  for (int i = 0; i < 8; ++i)
    net::post(pool, [&done] { ++done; });
  pool.join();

  std::thread runner([&io] { io.run(); });
  net::post(io, [&srv] { srv.shutdown(); });
  runner.join();
  return done.load();
}

} // namespace corpus
