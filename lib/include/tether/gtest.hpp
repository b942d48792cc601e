// GoogleTest integration: a listener that fails the test that leaked.
//
//   int main(int argc, char **argv) {
//     testing::InitGoogleTest(&argc, argv);
//     tether::leak::install_gtest_listener();
//     return RUN_ALL_TESTS();
//   }
//
// Each test is its own scope: what is alive when it starts is ignored, what
// it leaves behind (after verify_none's deadline) fails it, naming the task.
#pragma once

#include <gtest/gtest.h>

#include <utility>

#include <tether/leak.hpp>

namespace tether::leak {

class gtest_listener : public ::testing::EmptyTestEventListener {
public:
  /// `rules` apply to every test (thresholds, deadline, ignores).
  explicit gtest_listener(options rules = {}) : rules_(std::move(rules)) {}

  void OnTestStart(const ::testing::TestInfo &) override {
    baseline_ = rules_;
    baseline_.ignore_current();
  }

  // End events run in reverse order of registration: appended after the
  // result printer, this runs before it prints, while the test is current,
  // so the failure is charged to this test.
  void OnTestEnd(const ::testing::TestInfo &info) override {
    if (info.result()->Skipped())
      return;
    const report leaks = verify_none(baseline_);
    if (!leaks.empty())
      ADD_FAILURE() << "tether: " << info.test_suite_name() << '.'
                    << info.name() << " leaked:\n"
                    << leaks;
  }

private:
  options rules_;
  options baseline_;
};

/// Adds a gtest_listener to GoogleTest's listeners (call after
/// InitGoogleTest, before RUN_ALL_TESTS).
inline void install_gtest_listener(options rules = {}) {
  ::testing::UnitTest::GetInstance()->listeners().Append(
      new gtest_listener(std::move(rules)));
}

} // namespace tether::leak
