// Prevention 2: with_timeout. Each job gets a time limit; the result channel
// must let a late worker finish even when nobody waits for it any more.
#include "example.hpp"

using namespace example;

// The caller waits for the result or the timeout. `results` decides whether a
// worker that finishes late can still deliver its result and leave.
void run_job(tether::chan<int> results, tether::clock::duration work) {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 100ms);
  tether::go("job", [results, work] {
    tether::sleep(work);
    results.send(1);
  });
  tether::select(tether::on_recv(results, [] { std::cout << "done\n"; }),
                 tether::on_done(ctx, [] { std::cout << "timed out\n"; }));
  cancel();
}

// Leaky: unbuffered: after the timeout, the slow job's send blocks forever.
void leaky() { run_job(tether::make_chan<int>(), 200ms); }

// Fixed: a buffer of one, so the late send completes without a receiver.
void fixed() {
  run_job(tether::make_chan<int>(1), 200ms);
  tether::sleep(200ms); // the late job finishes on its own
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
