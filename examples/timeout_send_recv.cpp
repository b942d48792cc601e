// Safe channels 1: sends and receives that give up after a timeout.
#include "example.hpp"

#include <string>

using namespace example;

bool safe_send(const tether::chan<std::string> &ch, std::string msg,
               tether::clock::duration timeout) {
  tether::timer timer(timeout);
  const int taken = tether::select(tether::on_send(ch, msg),
                                   tether::on_recv(timer.chan(), nullptr));
  std::cout << (taken == 0 ? "sent: " : "send timed out: ") << msg << '\n';
  return taken == 0;
}

std::optional<std::string> safe_recv(const tether::chan<std::string> &ch,
                                     tether::clock::duration timeout) {
  tether::timer timer(timeout);
  std::optional<std::string> got;
  tether::select(tether::on_recv(ch, [&](std::string m) { got = m; }),
                 tether::on_recv(timer.chan(), nullptr));
  std::cout << (got ? "received: " + *got : "receive timed out") << '\n';
  return got;
}

// Leaky: a late sender uses a plain send on a full channel nobody drains.
void leaky() {
  auto ch = tether::make_chan<std::string>(1);
  ch.send("now");
  tether::go("late-sender", [ch] { ch.send("late"); });
  tether::sleep(100ms);
}

// Fixed: every operation has a timeout (the timeout pattern of Go's
// channel-blocking fix).
void fixed() {
  auto ch = tether::make_chan<std::string>(1);
  tether::wait_group wg;
  wg.go([ch] {
    tether::sleep(200ms);
    safe_send(ch, "late", 100ms); // times out: the buffer is full again
  });
  safe_send(ch, "now", 500ms);
  safe_recv(ch, 300ms);
  safe_send(ch, "refill", 100ms);
  wg.wait();
  safe_recv(ch, 100ms);
  safe_recv(ch, 100ms); // times out
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
