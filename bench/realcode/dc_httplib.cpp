// Real-code TU for tether-dropped-cancellation: Debian's cpp-httplib
// (installed header only). A server run on a std::jthread whose stop token
// stops the server through a stop_callback; a client thread pool that polls
// until stopped; cpp-httplib's own ThreadPool and keep-alive loops.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <stop_token>
#include <thread>
#include <vector>

class http_service {
public:
  http_service() {
    server_.Get("/ping", [](const httplib::Request &, httplib::Response &res) {
      res.set_content("pong", "text/plain");
    });
    thread_ = std::jthread([this](std::stop_token stop) {
      std::stop_callback on_stop(stop, [this] { server_.stop(); });
      server_.listen("127.0.0.1", 18080);
    });
  }

private:
  httplib::Server server_;
  std::jthread thread_;
};

void poll_until_stopped(std::stop_token stop, int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(std::chrono::milliseconds(200));
  while (!stop.stop_requested()) {
    auto res = client.Get("/ping");
    if (!res)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

int run_http() {
  http_service service;
  std::vector<std::jthread> pollers;
  for (int i = 0; i < 4; ++i)
    pollers.emplace_back(poll_until_stopped, 18080);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  for (auto &poller : pollers)
    poller.request_stop();
  return 0;
}
