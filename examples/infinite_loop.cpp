// The infinite-loop leak: a loop with no exit.
#include "example.hpp"

#include <atomic>
#include <thread>

using namespace example;

// Stands for work that never touches tether (no channel, no context).
void do_some_work() { std::this_thread::sleep_for(10ms); }

// Leaky: `running` is never set to false, and the loop never blocks in tether
// nor checks a context: the detector flags a possible loop without exit.
void leaky() {
  static std::atomic<bool> running{true};
  tether::go("spinner", [] {
    while (running.load())
      do_some_work();
  });
  tether::sleep(100ms);
}

// Fixed: the loop selects on a done channel that the owner closes.
void fixed() {
  auto done = tether::make_chan<std::monostate>();
  tether::wait_group wg;
  wg.go([done] {
    for (bool stop = false; !stop;)
      tether::select(tether::on_recv(done, [&] { stop = true; }),
                     tether::on_default([] { do_some_work(); }));
  });
  tether::sleep(100ms);
  done.close();
  wg.wait();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
