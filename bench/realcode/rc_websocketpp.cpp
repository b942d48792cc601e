// Real-code corpus TU (issue 19): Debian's libwebsocketpp-dev 0.8.2 (the
// header-only WebSocket library over Boost.Asio 1.81). The library's header
// tree (93 headers) is analysed as user code (compile_commands.py copies it
// out of the package). Its own code: the asio transport's endpoint and
// connection (io_service run/stop, start_perpetual's work guard, steady
// timers for handshake/close/pong timeouts, strands), connection state under
// std::mutex (lib::mutex), the write queue, the handshake and close state
// machines. This driver is a broadcast server the way its users write one: a
// network thread running the io_service, a std::thread that processes
// actions from a mutex + condition_variable queue and stops on a flag, a
// periodic ping timer that re-arms until the server stops, and a client that
// connects with a timer deadline.
#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>
#include <websocketpp/server.hpp>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <set>
#include <string>
#include <thread>

namespace corpus {

using server = websocketpp::server<websocketpp::config::asio>;
using client = websocketpp::client<websocketpp::config::asio_client>;
using websocketpp::connection_hdl;

enum class action_kind { subscribe, unsubscribe, message };

struct action {
  action_kind kind;
  connection_hdl hdl;
  server::message_ptr msg;
};

class broadcast_server {
public:
  broadcast_server() {
    server_.clear_access_channels(websocketpp::log::alevel::all);
    server_.init_asio();
    server_.set_reuse_addr(true);
    server_.set_open_handler([this](connection_hdl h) {
      push({action_kind::subscribe, h, nullptr});
    });
    server_.set_close_handler([this](connection_hdl h) {
      push({action_kind::unsubscribe, h, nullptr});
    });
    server_.set_message_handler(
        [this](connection_hdl h, server::message_ptr msg) {
          push({action_kind::message, h, msg});
        });
  }

  void start(uint16_t port) {
    server_.listen(port);
    server_.start_accept();
    schedule_ping();
    network_ = std::thread([this] { server_.run(); });
    processor_ = std::thread([this] { process(); });
  }

  // Stops accepting, closes every connection, wakes the processor; run()
  // returns once the last connection and timer are gone.
  void stop() {
    server_.stop_listening();
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      for (auto &h : connections_) {
        websocketpp::lib::error_code ec;
        server_.close(h, websocketpp::close::status::going_away, "bye", ec);
      }
    }
    ready_.notify_all();
    if (processor_.joinable())
      processor_.join();
    if (network_.joinable())
      network_.join();
  }

private:
  void push(action a) {
    {
      std::lock_guard lock(mutex_);
      actions_.push(std::move(a));
    }
    ready_.notify_one();
  }

  void process() {
    for (;;) {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !actions_.empty(); });
      if (stopping_ && actions_.empty())
        return;
      action a = std::move(actions_.front());
      actions_.pop();
      if (a.kind == action_kind::subscribe) {
        connections_.insert(a.hdl);
      } else if (a.kind == action_kind::unsubscribe) {
        connections_.erase(a.hdl);
      } else {
        for (auto &h : connections_) {
          websocketpp::lib::error_code ec;
          server_.send(h, a.msg, ec);
        }
      }
    }
  }

  // Re-arms every second until the server stops; a cancelled timer (the
  // endpoint stopping) ends the chain.
  void schedule_ping() {
    server_.set_timer(1000, [this](websocketpp::lib::error_code const &ec) {
      if (ec || stopped())
        return;
      std::lock_guard lock(mutex_);
      for (auto &h : connections_) {
        websocketpp::lib::error_code ignored;
        server_.ping(h, "", ignored);
      }
      schedule_ping();
    });
  }

  bool stopped() {
    std::lock_guard lock(mutex_);
    return stopping_;
  }

  server server_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<action> actions_;
  std::set<connection_hdl, std::owner_less<connection_hdl>> connections_;
  bool stopping_ = false;
  std::thread network_;
  std::thread processor_;
};

// Connects, sends one message, closes on the echo or when the deadline timer
// fires first. run() returns when the connection is gone.
std::string echo_once(const std::string &uri, const std::string &text) {
  client c;
  c.clear_access_channels(websocketpp::log::alevel::all);
  c.init_asio();
  std::string reply;
  c.set_open_handler([&c, text](connection_hdl h) {
    websocketpp::lib::error_code ec;
    c.send(h, text, websocketpp::frame::opcode::text, ec);
  });
  c.set_message_handler([&c, &reply](connection_hdl h, client::message_ptr m) {
    reply = m->get_payload();
    websocketpp::lib::error_code ec;
    c.close(h, websocketpp::close::status::normal, "done", ec);
  });
  websocketpp::lib::error_code ec;
  client::connection_ptr con = c.get_connection(uri, ec);
  if (ec)
    return {};
  c.connect(con);
  c.set_timer(2000, [&c, con](websocketpp::lib::error_code const &e) {
    if (!e && con->get_state() == websocketpp::session::state::open) {
      websocketpp::lib::error_code ignored;
      c.close(con->get_handle(), websocketpp::close::status::normal, "timeout",
              ignored);
    }
  });
  c.run();
  return reply;
}

// An endpoint kept alive with start_perpetual on its own thread, released
// with stop_perpetual.
void perpetual_client() {
  client c;
  c.init_asio();
  c.start_perpetual();
  std::thread t([&c] { c.run(); });
  c.stop_perpetual();
  t.join();
}

int run_all() {
  broadcast_server s;
  s.start(9002);
  std::string reply = echo_once("ws://127.0.0.1:9002", "hello");
  s.stop();
  perpetual_client();
  return static_cast<int>(reply.size());
}

} // namespace corpus

int main() { return corpus::run_all() >= 0 ? 0 : 1; }
