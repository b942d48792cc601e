//===--- LostWakeupCheck.h - tether clang-tidy ------------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_LOSTWAKEUPCHECK_H
#define TETHER_CHECKS_LOSTWAKEUPCHECK_H

#include "TetherCheck.h"
#include "model/ConditionWaits.h"

namespace clang::tidy::tether {

/// State a waiter checked that went stale before it waited.
struct StaleCheck;

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

  /// A write of `State` without `Mutex`, which the waiter checks at `Read`.
  void reportUnlockedWrite(const Expr *Write, const ValueDecl *State,
                           const ValueDecl *Mutex, const Expr *Read,
                           const Expr *Notify, const ValueDecl *Cv,
                           const SourceManager &SM);
  /// A lock-free write of `State` and a notification of `Cv`, whose waits
  /// are in another file.
  void reportUnwatchedWrite(const Expr *Write, const ValueDecl *State,
                            const Expr *Notify, const FieldDecl *Cv,
                            const SourceManager &SM);
  /// A wait that does not check its state again after its lock was released.
  void reportStaleWait(const model::ConditionWait &Wait,
                       const StaleCheck &Stale, const Expr *Notify,
                       const SourceManager &SM);

  /// The standard and project condition variables and mutexes.
  const model::SyncTypes Sync;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_LOSTWAKEUPCHECK_H
