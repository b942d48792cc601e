//===--- StrandedProducerCheck.h - tether clang-tidy ------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_STRANDEDPRODUCERCHECK_H
#define TETHER_CHECKS_STRANDEDPRODUCERCHECK_H

#include "TetherCheck.h"
#include "model/ConditionWaits.h"
#include "model/SyncCalls.h"
#include <memory>

namespace clang::tidy::tether {

/// Finds a producer left without a consumer by a stop path that sets a flag
/// and wakes the consumers so that they exit: a wait for room in a bounded
/// queue that neither checks the flag nor is woken by the stop path, a push
/// whose stop check is made outside the lock that guards it, and a blocking
/// push into a bounded library queue that the stop path does not close.
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

  /// Shape 3: a blocking push into the bounded queue `Queue`, whose
  /// consumers poll it in a loop that exits on a flag that a stop path sets
  /// without closing the queue.
  void reportBlockedPush(const CallExpr *Push, const FunctionDecl *Producer,
                         const ValueDecl *Queue, ASTContext &Ctx);
  /// Builds the indexes on the first match of a translation unit.
  void indexUnit(ASTContext &Ctx);

  /// ConditionVariableTypes and MutexTypes.
  const model::SyncTypes Sync;
  /// Project bounded queues whose push blocks while they are full.
  const model::NameList BlockingQueueTypes;
  /// The waits of the unit (shared), set with `Notifies`.
  const model::ConditionWaitIndex *Waits = nullptr;
  std::unique_ptr<model::SyncCallIndex> Notifies;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_STRANDEDPRODUCERCHECK_H
