//===--- HandOff.h - tether clang-tidy --------------------------*- C++ -*-===//
//
// Where an obligation held in a local variable (a cancel function, a ticker,
// a started timer) is discharged: by a call, or by a hand-off to code that
// takes over the obligation. Shared by tether-dropped-cancellation and
// tether-unstopped-ticker.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_HANDOFF_H
#define TETHER_CHECKS_ANALYSIS_HANDOFF_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>

namespace clang::tidy::tether::analysis {

/// How one reference to the tracked variable uses it.
enum class UseKind {
  Called,    ///< invoked (`cancel()`), or a member of it called
  HandedOff, ///< returned, stored, passed to a function, moved, copied,
             ///< captured by a lambda that is stored, returned or passed
  Inert,     ///< does not discharge: `(void)cancel`, `pair.first`, unevaluated
};

/// The tracked variable: a local variable or binding that holds the
/// obligation. When `IsPair` is set it holds a pair whose `.second` is the
/// obligation and whose `.first` uses are inert.
struct Tracked {
  const ValueDecl *Var = nullptr;
  bool IsPair = false;
  /// If set, a use of a member of the variable (`t.stop()`, `t->chan()`)
  /// discharges only when this returns true for it; other member uses are
  /// inert. Unset, every member use counts as a call.
  std::function<bool(const MemberExpr *)> DischargingMember = nullptr;
};

/// Every statement in `Body` that discharges the obligation of `T`: the
/// references that call or hand it off and, for a lambda capturing it that is
/// kept in a local variable, the uses of that variable that call or hand off
/// the lambda. `AnyUse` is set when any reference to the variable exists.
struct Discharges {
  llvm::SmallPtrSet<const Stmt *, 8> Points;
  bool AnyUse = false;
};
Discharges findDischarges(const Tracked &T, const Stmt *Body, ASTContext &Ctx);

/// Classifies one reference to `T.Var` outside any lambda.
UseKind classifyUse(const Tracked &T, const Expr *Ref, ASTContext &Ctx);

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_HANDOFF_H
