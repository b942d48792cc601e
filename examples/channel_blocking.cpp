// The blocked-channel leak: a send that nobody will ever receive.
#include "example.hpp"

using namespace example;

// Leaky: the sender blocks forever once this function returns, because the
// only other handle of the channel dies with it.
void leaky() {
  auto ch = tether::make_chan<int>();
  tether::go("sender", [ch] { ch.send(42); });
  tether::sleep(100ms);
}

// Fixed: the send also waits for a context that times out, so the sender
// gives up and returns.
void fixed() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 200ms);
  auto ch = tether::make_chan<int>();
  tether::go("sender", [ch, ctx] {
    if (ch.send(ctx, 42) == tether::chan_status::cancelled)
      std::cout << "send cancelled\n";
  });
  tether::sleep(300ms);
  cancel();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
