// The GoogleTest listener, seen from outside: a leaking test binary runs in a
// child process so that this suite stays green.
#include <gtest/gtest.h>

#include "child_process.hpp"

#include <array>
#include <cstdio>
#include <string>

#ifndef TETHER_LEAK_FIXTURE
#error "TETHER_LEAK_FIXTURE must name the leaking test binary"
#endif

namespace {

using tether_test::run;
using tether_test::run_result;

} // namespace

TEST(LeakListener, FailsTheTestThatLeakedAndNamesTheTask) {
  const auto r = run(TETHER_LEAK_FIXTURE);
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("[  FAILED  ] Leaky.LeaksASender"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("\"leaky-sender\" [blocked on chan<int> send"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("[       OK ] Leaky.CleanBefore"), std::string::npos)
      << r.output;
  // The leak stays charged to the test that made it.
  EXPECT_NE(r.output.find("[       OK ] Leaky.CleanAfter"), std::string::npos)
      << r.output;
}

TEST(LeakListener, ExitReportWhenAsked) {
  const auto r =
      run(std::string("TETHER_LEAK_REPORT=1 ") + TETHER_LEAK_FIXTURE +
          " --gtest_filter=Leaky.LeaksASender");
  EXPECT_NE(r.output.find("leak report at exit"), std::string::npos)
      << r.output;
}
