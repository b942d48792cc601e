// A deliberately leaking test binary for leak_listener_test.cpp, which runs
// it in a child process: Leaky.LeaksASender must fail, naming its task, and
// the tests around it must pass (a leak is charged to the test that made it).
#include <tether/gtest.hpp>
#include <tether/tether.hpp>

#include <chrono>

using namespace std::chrono_literals;

TEST(Leaky, CleanBefore) {
  tether::wait_group wg;
  wg.go([] { tether::sleep(1ms); });
  wg.wait();
}

TEST(Leaky, LeaksASender) {
  auto ch = tether::make_chan<int>();
  tether::go("leaky-sender", [ch] { ch.send(1); });
}

TEST(Leaky, CleanAfter) { SUCCEED(); }

int main(int argc, char **argv) {
  testing::InitGoogleTest(&argc, argv);
  tether::leak::install_gtest_listener(
      tether::leak::options().wait(std::chrono::milliseconds(200)));
  return RUN_ALL_TESTS();
}
