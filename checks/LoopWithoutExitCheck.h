//===--- LoopWithoutExitCheck.h - tether clang-tidy -------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_LOOPWITHOUTEXITCHECK_H
#define TETHER_CHECKS_LOOPWITHOUTEXITCHECK_H

#include "TetherCheck.h"

namespace clang::tidy::tether {

/// Finds loops in task bodies that can never stop: nothing leaves the loop,
/// its condition is always true or cannot change inside it, and it checks no
/// context or stop token and receives from no channel.
///
/// For the user-facing documentation see:
/// docs/checks/tether-loop-without-exit.md
class LoopWithoutExitCheck : public TetherCheck {
public:
  LoopWithoutExitCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  struct Task;
  /// The calls from the task body down to a function, each in the function
  /// the previous one calls.
  using CallPathRef = llvm::ArrayRef<analysis::CallEdge>;
  void checkFunction(const Task &T, const FunctionDecl *Fn, CallPathRef Via,
                     ASTContext &Ctx);
  void checkLoop(const Task &T, const FunctionDecl *Fn, const Stmt *Loop,
                 CallPathRef Via, bool InTry, ASTContext &Ctx);
  /// The notes that say which task runs the loop, and how it gets there.
  void noteTask(const Task &T, CallPathRef Via);
  bool isExempt(const Task &T, const FunctionDecl *Fn) const;

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
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_LOOPWITHOUTEXITCHECK_H
