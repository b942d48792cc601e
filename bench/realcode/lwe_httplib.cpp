// Real-code TU for tether-loop-without-exit: Debian's cpp-httplib 0.11
// (installed header; the server and client bodies live in libcpp-httplib,
// the ThreadPool is in the header). A server listening on its own thread, a
// client polling it in keep-alive mode, and httplib's ThreadPool.
#include <httplib.h>

#include <atomic>
#include <thread>

std::atomic<bool> g_done{false};

void serve_and_poll() {
  httplib::Server server;
  server.set_keep_alive_max_count(100);
  server.Get("/hi", [](const httplib::Request &, httplib::Response &res) {
    res.set_content("hi", "text/plain");
  });
  std::thread listener([&server] { server.listen("127.0.0.1", 8080); });

  std::thread poller([] {
    httplib::Client client("127.0.0.1", 8080);
    client.set_keep_alive(true);
    while (!g_done.load())
      (void)client.Get("/hi");
  });

  httplib::ThreadPool pool(4); // ThreadPool::worker::operator(): for (;;)
  pool.enqueue([] {});
  pool.shutdown();

  g_done = true;
  poller.join();
  server.stop();
  listener.join();
}
