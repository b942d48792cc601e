//===--- StrandedProducerCheck.h - tether clang-tidy ------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_STRANDEDPRODUCERCHECK_H
#define TETHER_CHECKS_STRANDEDPRODUCERCHECK_H

#include "TetherCheck.h"
#include "model/ConditionWaits.h"
#include <memory>

namespace clang::tidy::tether {

/// Finds a producer left without a consumer by a stop path that sets a flag
/// and wakes the consumers so that they exit: a wait for room in a bounded
/// queue that neither checks the flag nor is woken by the stop path, and a
/// push whose stop check is made outside the lock that guards it.
///
/// For the user-facing documentation see:
/// docs/checks/tether-stranded-producer.md
class StrandedProducerCheck : public TetherCheck {
public:
  StrandedProducerCheck(StringRef Name, ClangTidyContext *Context);
  ~StrandedProducerCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

  /// The notifications of one translation unit and the functions of the
  /// condition variables' calls.
  class NotifyIndex;

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void forgetUnit() override;

  /// Shape 1: `Stop` sets a flag the consumers on `Cv` exit on and wakes
  /// them; a producer's wait for room on another condition variable, which
  /// only the consumers notify, is left waiting.
  void reportStrandedWaits(const FunctionDecl *Stop, const ValueDecl *Cv,
                           ASTContext &Ctx);
  /// Shape 2: `Producer` pushes work for the consumers on `Cv` after a stop
  /// check made outside the lock that guards the push.
  void reportPushAfterStop(const FunctionDecl *Producer, const ValueDecl *Cv,
                           ASTContext &Ctx);

  /// ConditionVariableTypes and MutexTypes.
  const model::SyncTypes Sync;
  /// Built on the first notification of a translation unit.
  std::unique_ptr<model::ConditionWaitIndex> Waits;
  std::unique_ptr<NotifyIndex> Notifies;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_STRANDEDPRODUCERCHECK_H
