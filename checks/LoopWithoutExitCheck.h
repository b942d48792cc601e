//===--- LoopWithoutExitCheck.h - tether clang-tidy -------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_LOOPWITHOUTEXITCHECK_H
#define TETHER_CHECKS_LOOPWITHOUTEXITCHECK_H

#include "ClangTidyCheck.h"
#include "model/ApiModel.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::tether {

/// Finds loops in task bodies that can never stop: nothing leaves the loop,
/// its condition is always true or cannot change inside it, and it checks no
/// context or stop token and receives from no channel.
///
/// For the user-facing documentation see:
/// docs/checks/tether-loop-without-exit.md
class LoopWithoutExitCheck : public ClangTidyCheck {
public:
  LoopWithoutExitCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  struct Task;
  void checkFunction(const Task &T, const FunctionDecl *Fn, const CallExpr *Via,
                     ASTContext &Ctx);
  void checkLoop(const Task &T, const FunctionDecl *Fn, const Stmt *Loop,
                 const CallExpr *Via, bool InTry, ASTContext &Ctx);
  bool isExempt(const Task &T, const FunctionDecl *Fn) const;

  model::ApiModel Model;
  /// This check registers the parent index's root matcher (see
  /// ownsParentIndexRoots).
  const bool RegistersRoots;
  /// Loops written inside `main` (also in lambdas there) are not reported.
  const bool IgnoreLoopsInMain;
  /// Tasks spawned directly from `main` (program-lifetime workers) are not
  /// reported.
  const bool IgnoreTasksSpawnedFromMain;
  /// Functions annotated `tether::lives_forever` are not reported.
  const bool HonorLivesForever;
  /// Functions that end the task when it is cancelled (by throwing, as
  /// Boost.Thread's interruption points do): a loop calling one can stop.
  const model::NameList CancellationPoints;

  /// Loops already reported (by file location): instantiations and several
  /// spawn sites of one task report it once.
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_LOOPWITHOUTEXITCHECK_H
