//===--- LostWakeupCheck.h - tether clang-tidy ------------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_LOSTWAKEUPCHECK_H
#define TETHER_CHECKS_LOSTWAKEUPCHECK_H

#include "TetherCheck.h"
#include "model/ConditionWaits.h"
#include <memory>

namespace clang::tidy::tether {

/// Finds state that a condition variable's waiter checks (the predicate of
/// `wait`, or the condition of the loop around it) written without holding
/// the mutex the waiter waits with, and then notified: a waiter that has
/// checked it but not yet blocked misses the notification and sleeps forever.
///
/// For the user-facing documentation see:
/// docs/checks/tether-lost-wakeup.md
class LostWakeupCheck : public TetherCheck {
public:
  LostWakeupCheck(StringRef Name, ClangTidyContext *Context);
  ~LostWakeupCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void forgetUnit() override;

  /// The standard and project condition variables and mutexes.
  const model::SyncTypes Sync;
  /// The waits of the translation unit, built on its first notification.
  std::unique_ptr<model::ConditionWaitIndex> Waits;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_LOSTWAKEUPCHECK_H
