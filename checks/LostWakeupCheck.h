//===--- LostWakeupCheck.h - tether clang-tidy ------------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_LOSTWAKEUPCHECK_H
#define TETHER_CHECKS_LOSTWAKEUPCHECK_H

#include "TetherCheck.h"
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

  /// The waits of one translation unit, by condition variable.
  class WaiterIndex;

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void forgetUnit() override;

  /// True for `std::condition_variable(_any)` and ConditionVariableTypes.
  bool isConditionVariable(const CXXRecordDecl *Class) const;
  /// True for the standard mutexes and MutexTypes.
  bool isMutex(QualType Type) const;

  /// Project condition variables: notify_one/notify_all and wait.
  const model::NameList ConditionVariableTypes;
  /// Project mutexes, for a `condition_variable_any` that waits on the mutex
  /// itself rather than on a lock of it.
  const model::NameList MutexTypes;
  /// Built on the first notification of a translation unit.
  std::unique_ptr<WaiterIndex> Waiters;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_LOSTWAKEUPCHECK_H
