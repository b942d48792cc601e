#include <tether/tether.hpp>

#include <gtest/gtest.h>

using namespace std::chrono_literals;

TEST(Chan, UnbufferedRendezvousBetweenTasks) {
  auto ch = tether::make_chan<int>();
  tether::go([ch] { ch.send(42); });
  EXPECT_EQ(ch.recv(), 42);
}
