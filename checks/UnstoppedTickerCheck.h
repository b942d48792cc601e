//===--- UnstoppedTickerCheck.h - tether clang-tidy -------------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_UNSTOPPEDTICKERCHECK_H
#define TETHER_CHECKS_UNSTOPPEDTICKERCHECK_H

#include "TetherCheck.h"
#include "llvm/ADT/StringSet.h"
#include <vector>

namespace clang::tidy::tether {

/// Finds tickers and repeating timers that are never stopped: `tick(d)` in a
/// function that can return or in a loop, a ticker whose lifetime never ends
/// (made with `new` and never deleted, owned by a task that never exits, or
/// static and never stopped), a range-for over a ticker's channel that never
/// ends, a range-for over `tick(d)` that is left, `after(d)` with a long
/// duration in a loop, the repeating timers of other libraries (asio's by
/// default, others named by options) that are not stopped on every path, and
/// an asio event loop kept busy by a work guard that the owner's stop never
/// resets.
///
/// For the user-facing documentation see:
/// docs/checks/tether-unstopped-ticker.md
class UnstoppedTickerCheck : public TetherCheck {
public:
  UnstoppedTickerCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// A start function of another library's repeating timer and the function
  /// that stops it (option `TimerStartStopFunctions`).
  struct TimerPair {
    model::NameList Start, Stop;
  };

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkTick(const CallExpr *Call, const FunctionDecl *Fn, ASTContext &Ctx);
  void checkAfter(const CallExpr *Call, ASTContext &Ctx);
  void checkNew(const CXXNewExpr *New, const FunctionDecl *Fn, ASTContext &Ctx);
  void checkFieldTicker(const CXXNewExpr *New, const FieldDecl *Field,
                        ASTContext &Ctx);
  void checkStatic(const VarDecl *Var, ASTContext &Ctx);
  bool makesTicker(const Expr *E, ASTContext &Ctx) const;
  void checkRangeFor(const CXXForRangeStmt *Loop, const FunctionDecl *Fn,
                     ASTContext &Ctx);
  void checkLeftTickLoop(const CXXForRangeStmt *Loop, const CallExpr *Tick,
                         const Stmt *Exit, const FunctionDecl *Fn,
                         ASTContext &Ctx);
  void checkSpawn(const Expr *Site, const FunctionDecl *Fn, ASTContext &Ctx);
  void checkTimerStart(const CallExpr *Call, const TimerPair &Pair,
                       const FunctionDecl *Fn, ASTContext &Ctx);
  void checkRearm(const CXXMemberCallExpr *Call, const TimerPair &Pair,
                  const FunctionDecl *Fn, ASTContext &Ctx);
  void checkWorkGuard(const CXXMemberCallExpr *Join, const FunctionDecl *Fn,
                      ASTContext &Ctx);
  /// The `io.run()` in the body of a `std::thread` that `Fn` or the other
  /// members of its class start; null if there is none.
  const CallExpr *threadRunningEventLoop(const FunctionDecl *Fn);

  /// A fix-it that turns `auto c = tether::tick(d);` into a local ticker.
  std::optional<FixItHint> localTickerFix(const CallExpr *Call,
                                          const FunctionDecl *Fn,
                                          ASTContext &Ctx,
                                          FixItHint &Insertion);

  /// `after(d)` in a loop is reported when `d` is at least this long.
  const unsigned AfterInLoopMinMilliseconds;
  /// `start=stop;...`: repeating timers of other libraries beside asio's.
  const std::string TimerStartStopFunctions;
  /// Asio's timers and those of the option.
  std::vector<TimerPair> Pairs;
  /// The unqualified names of the start functions of `Pairs`.
  llvm::StringSet<> StartNames;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_UNSTOPPEDTICKERCHECK_H
