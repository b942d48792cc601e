//===--- DroppedCancellationCheck.h - tether clang-tidy ---------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_DROPPEDCANCELLATIONCHECK_H
#define TETHER_CHECKS_DROPPEDCANCELLATIONCHECK_H

#include "TetherCheck.h"

namespace clang::tidy::tether {

/// Finds cancellation that is dropped: a cancel function discarded or not
/// called on every path, a context or stop token not passed on to a blocking
/// call or a task, a task that ignores the token it is given, and a
/// `std::stop_callback` that is destroyed as soon as it is made.
///
/// For the user-facing documentation see:
/// docs/checks/tether-dropped-cancellation.md
class DroppedCancellationCheck : public TetherCheck {
public:
  DroppedCancellationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkFactoryCall(const CallExpr *Call, const FunctionDecl *Fn,
                        ASTContext &Ctx);
  void checkPairMember(const CallExpr *Call, const MemberExpr *Member,
                       const FunctionDecl *Fn, ASTContext &Ctx);
  void checkTieAssignment(const CallExpr *Call,
                          const CXXOperatorCallExpr *Assign,
                          const FunctionDecl *Fn, ASTContext &Ctx);
  void checkObligation(const CallExpr *Factory, const Stmt *Start,
                       const ValueDecl *Var, bool IsPair,
                       const FunctionDecl *Fn, ASTContext &Ctx);
  void checkBlockingCall(const CallExpr *Call, const FunctionDecl *Fn,
                         ASTContext &Ctx);
  void checkSpawn(const Expr *Site, const FunctionDecl *Fn, ASTContext &Ctx);
  /// Reports the token parameters `Task` never uses; true if it takes a
  /// stop token.
  bool checkUnusedTokenParameters(const model::SpawnSite &Site,
                                  const FunctionDecl *Task);
  /// A std::jthread whose callable takes no token and loops forever, in
  /// its body or a function it calls at any depth; true if reported.
  bool checkJThreadLoop(const Expr *SiteExpr, const FunctionDecl *Task,
                        ASTContext &Ctx);
  void checkStopCallback(const CXXConstructExpr *Construct, ASTContext &Ctx);

  /// Report a std::jthread whose callable takes no stop token and loops
  /// forever (yields to tether-loop-without-exit when that check is on).
  const bool ReportJThreadLoops;
  /// Report a task spawned without the token in scope although it blocks.
  const bool ReportUntokenedTasks;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_DROPPEDCANCELLATIONCHECK_H
