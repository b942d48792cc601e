// A thread stuck in future::get: the promise that should deliver the value
// is kept alive but never fulfilled (an early return on an error path).
#include "example.hpp"

#include <pthread.h>

#include <future>
#include <stdexcept>
#include <thread>

using namespace example;

namespace {

struct request {
  std::promise<int> reply;
  std::thread waiter;

  void start() {
    waiter = std::thread([f = reply.get_future()]() mutable {
      pthread_setname_np(pthread_self(), "reply-waiter");
      try {
        const int reply = f.get();
        std::cout << "reply: " << reply << '\n';
      } catch (const std::exception &e) {
        std::cout << "no reply: " << e.what() << '\n';
      }
    });
  }
};

bool parse_ok(bool ok) { return ok; }

} // namespace

// Leaky: on the error path the promise is neither set nor destroyed (the
// request lives on in a table), so get() never returns.
void leaky() {
  auto *r = new request;
  r->start();
  if (!parse_ok(false))
    return; // forgot r->reply.set_exception(...)
  r->reply.set_value(1);
}

// Fixed: every path settles the promise, and the waiter is joined.
void fixed() {
  request r;
  r.start();
  if (!parse_ok(false))
    r.reply.set_exception(
        std::make_exception_ptr(std::runtime_error("bad request")));
  else
    r.reply.set_value(1);
  r.waiter.join();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
