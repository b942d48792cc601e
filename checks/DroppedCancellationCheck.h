//===--- DroppedCancellationCheck.h - tether clang-tidy ---------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_DROPPEDCANCELLATIONCHECK_H
#define TETHER_CHECKS_DROPPEDCANCELLATIONCHECK_H

#include "ClangTidyCheck.h"
#include "analysis/ObligationPaths.h"
#include "model/ApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::tether {

/// Finds cancellation that is dropped: a cancel function discarded or not
/// called on every path, a context or stop token not passed on to a blocking
/// call or a task, a task that ignores the token it is given, and a
/// `std::stop_callback` that is destroyed as soon as it is made.
///
/// For the user-facing documentation see:
/// docs/checks/tether-dropped-cancellation.md
class DroppedCancellationCheck : public ClangTidyCheck {
public:
  DroppedCancellationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }

private:
  void checkFactoryCall(const CallExpr *Call, const FunctionDecl *Fn,
                        ASTContext &Ctx);
  void checkObligation(const CallExpr *Factory, const Stmt *Start,
                       const ValueDecl *Var, bool IsPair,
                       const FunctionDecl *Fn, ASTContext &Ctx);
  void checkBlockingCall(const CallExpr *Call, const FunctionDecl *Fn,
                         ASTContext &Ctx);
  void checkSpawn(const Expr *Site, const FunctionDecl *Fn, ASTContext &Ctx);
  void checkStopCallback(const CXXConstructExpr *Construct, ASTContext &Ctx);

  /// True (and remembered) the first time `Loc` is reported: no location
  /// gets two diagnostics.
  bool claim(SourceLocation Loc, const SourceManager &SM);
  /// True when another tether check owns the jthread-loop shape.
  bool loopsOwnedElsewhere() const;

  analysis::FunctionPaths *pathsOf(const FunctionDecl *Fn, ASTContext &Ctx);

  model::ApiModel Model;
  /// This check registers the parent index's root matcher (see
  /// ownsParentIndexRoots).
  const bool RegistersRoots;
  /// Report a std::jthread whose callable takes no stop token and loops
  /// forever (yields to tether-loop-without-exit when that check is on).
  const bool ReportJThreadLoops;
  /// Report a task spawned without the token in scope although it blocks.
  const bool ReportUntokenedTasks;
  ClangTidyContext *TidyContext;

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<analysis::FunctionPaths>>
      Paths;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_DROPPEDCANCELLATIONCHECK_H
