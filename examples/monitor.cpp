// Detection method 3: an automated monitor that samples the live-task count
// and warns when it grows past a baseline by more than a threshold.
#include "example.hpp"

using namespace example;

// Leaky: five receivers on channels nobody will ever send on.
void leaky() {
  tether::leak::monitor monitor(2, 100ms); // default: warns on stderr
  for (int i = 0; i < 5; ++i) {
    auto ch = tether::make_chan<int>();
    tether::go("stuck", [ch] { (void)ch.recv(); });
  }
  tether::sleep(300ms);
}

// Fixed: short-lived tasks come and go; the count returns to the baseline.
void fixed() {
  tether::leak::monitor monitor(2, 100ms);
  tether::wait_group wg;
  for (int i = 0; i < 3; ++i)
    wg.go([] { tether::sleep(50ms); });
  wg.wait();
  tether::sleep(200ms);
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
