// Real-code corpus TU (issue 9): Debian's cpp-httplib 0.11 (header plus the
// compiled library). A small JSON-ish service with routes, a health poller
// that stops with its std::jthread, a retrying client with a deadline, and a
// server thread stopped from the owner.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

namespace corpus {

class kv_service {
public:
  void install(httplib::Server &server) {
    server.Get(R"(/kv/(\w+))",
               [this](const httplib::Request &req, httplib::Response &res) {
                 std::lock_guard lock(mutex_);
                 auto it = data_.find(req.matches[1]);
                 if (it == data_.end()) {
                   res.status = 404;
                   return;
                 }
                 res.set_content(it->second, "text/plain");
               });
    server.Put(R"(/kv/(\w+))",
               [this](const httplib::Request &req, httplib::Response &res) {
                 std::lock_guard lock(mutex_);
                 data_[req.matches[1]] = req.body;
                 res.status = 204;
               });
    server.set_error_handler(
        [](const httplib::Request &, httplib::Response &res) {
          res.set_content("error " + std::to_string(res.status), "text/plain");
        });
    server.set_read_timeout(std::chrono::seconds(5));
  }

private:
  std::mutex mutex_;
  std::map<std::string, std::string> data_;
};

// Polls /health until stopped; counts consecutive failures.
std::jthread start_health_poller(std::string host, int port,
                                 std::atomic<int> &failures) {
  return std::jthread(
      [host = std::move(host), port, &failures](std::stop_token stop) {
        httplib::Client client(host, port);
        client.set_connection_timeout(std::chrono::milliseconds(300));
        while (!stop.stop_requested()) {
          auto res = client.Get("/health");
          if (!res || res->status != 200)
            ++failures;
          else
            failures = 0;
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
      });
}

// Retries a GET with backoff until it succeeds or the deadline passes.
std::optional<std::string>
get_with_retry(httplib::Client &client, const std::string &path,
               std::chrono::steady_clock::time_point deadline) {
  auto backoff = std::chrono::milliseconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto res = client.Get(path.c_str()); res && res->status == 200)
      return res->body;
    std::this_thread::sleep_for(backoff);
    backoff = std::min(backoff * 2, std::chrono::milliseconds(500));
  }
  return std::nullopt;
}

int run_service() {
  httplib::Server server;
  kv_service kv;
  kv.install(server);
  server.Get("/health", [](const httplib::Request &, httplib::Response &res) {
    res.set_content("ok", "text/plain");
  });
  std::thread listener([&server] { server.listen("127.0.0.1", 18080); });
  while (!server.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));

  std::atomic<int> failures{0};
  auto poller = start_health_poller("127.0.0.1", 18080, failures);

  httplib::Client client("127.0.0.1", 18080);
  client.Put("/kv/answer", "42", "text/plain");
  auto value = get_with_retry(client, "/kv/answer",
                              std::chrono::steady_clock::now() +
                                  std::chrono::seconds(2));

  poller.request_stop();
  poller.join();
  server.stop();
  listener.join();
  return value ? 0 : 1;
}

} // namespace corpus
