//===--- DetachedThreadCheck.h - tether clang-tidy --------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_DETACHEDTHREADCHECK_H
#define TETHER_CHECKS_DETACHEDTHREADCHECK_H

#include "TetherCheck.h"

namespace clang::tidy::tether {

/// Finds detached threads that nothing can stop or outlive what they use:
/// `std::thread(...).detach()` whose body loops forever without observing a
/// stop signal, or uses by reference (or through `this`) an object that the
/// spawning function or class destroys while the thread may still run; and,
/// for a thread library named by ThreadJoinFunctions, a thread that clears
/// the handle its owner joins it through, so the owner skips the join.
///
/// For the user-facing documentation see:
/// docs/checks/tether-detached-thread.md
class DetachedThreadCheck : public TetherCheck {
public:
  DetachedThreadCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  bool checkNeverEnds(const CXXMemberCallExpr *Detach, const FunctionDecl *Task,
                      ASTContext &Ctx);
  void checkOutlivedObjects(const CXXMemberCallExpr *Detach,
                            const model::SpawnSite &Site,
                            const FunctionDecl *Spawner, ASTContext &Ctx);
  void checkClearedHandle(const CallExpr *Create, const FunctionDecl *Spawner,
                          ASTContext &Ctx);

  /// ThreadJoinFunctions: `create=join` pairs of a thread library whose
  /// create function returns the thread's handle.
  const std::string ThreadJoinFunctions;
  struct CreateJoin {
    model::NameList Create, Join;
  };
  llvm::SmallVector<CreateJoin, 2> Pairs;
  std::vector<std::string> CreateNames;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_DETACHEDTHREADCHECK_H
