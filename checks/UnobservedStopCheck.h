//===--- UnobservedStopCheck.h - tether clang-tidy --------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_UNOBSERVEDSTOPCHECK_H
#define TETHER_CHECKS_UNOBSERVEDSTOPCHECK_H

#include "TetherCheck.h"

namespace clang::tidy::tether {

/// Finds a loop on a worker thread that never observes the stop signal of
/// the class that started it: the class's stop path (`stop()`,
/// `shutdown()`, `close()` or the destructor) sets a member flag and then
/// joins the worker, but a loop the worker runs, at any depth of calls,
/// blocks or never ends without reading that flag, so the join hangs.
///
/// For the user-facing documentation see:
/// docs/checks/tether-unobserved-stop.md
class UnobservedStopCheck : public TetherCheck {
public:
  UnobservedStopCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

  /// A stop path of a class: the function, the flags it sets and the join.
  struct StopPath;

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkLoops(const StopPath &Stop, const model::SpawnSite &Site,
                  const FunctionDecl *Fn,
                  llvm::ArrayRef<analysis::CallEdge> Via, ASTContext &Ctx);
  void report(const StopPath &Stop, const model::SpawnSite &Site,
              const Stmt *Loop, bool Blocks,
              llvm::ArrayRef<analysis::CallEdge> Via, ASTContext &Ctx);
  /// The worker of a thread class: `Entry` overrides a member named by
  /// ThreadEntryFunctions.
  void checkThreadClassWorker(const CXXMethodDecl *Entry, ASTContext &Ctx);
  /// The member of ThreadEntryFunctions that `Method` overrides, if any.
  const CXXMethodDecl *configuredEntryOf(const CXXMethodDecl *Method) const;
  /// The stop check (StopCheckFunctions) of `Class` or of a base of it.
  const CXXMethodDecl *stopCheckOf(const CXXRecordDecl *Class) const;

  const std::string ThreadEntryFunctionsRaw;
  const model::NameList ThreadEntryFunctions;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_UNOBSERVEDSTOPCHECK_H
