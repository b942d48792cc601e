// The unclosed-resource leak: a ticker that is never stopped.
#include "example.hpp"

using namespace example;

// Leaky: tick() can never be stopped (Go's time.Tick). The reader stops after
// three ticks, but the ticker keeps firing into a channel nobody reads.
void leaky() {
  auto ticks = tether::tick(50ms);
  tether::go("ticker-reader", [ticks] {
    for (int i = 0; i < 3; ++i)
      (void)ticks.recv();
  });
  tether::sleep(500ms); // long enough for the detector to call it unread
}

// Fixed: a ticker object stops in its destructor, and the reader leaves when
// the done channel closes.
void fixed() {
  tether::ticker ticker(50ms);
  auto done = tether::make_chan<std::monostate>();
  tether::wait_group wg;
  wg.go([&ticker, done] {
    for (bool stop = false; !stop;)
      tether::select(tether::on_recv(ticker.chan(), [] { std::cout << 't'; }),
                     tether::on_recv(done, [&] { stop = true; }));
  });
  tether::sleep(200ms);
  done.close();
  wg.wait();
  std::cout << '\n';
} // ~ticker stops it

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
