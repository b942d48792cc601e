//===--- ObligationPaths.h - tether clang-tidy ------------------*- C++ -*-===//
//
// Every-path analysis for obligations (Go vet's lostcancel, generalised): a
// search of the function's CFG from the statement that creates the
// obligation to a function exit that no discharging statement precedes.
// Shared by tether-dropped-cancellation, tether-unstopped-ticker,
// tether-skipped-release and tether-unreleased-wait.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_OBLIGATIONPATHS_H
#define TETHER_CHECKS_ANALYSIS_OBLIGATIONPATHS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <optional>

namespace clang::tidy::tether::analysis {

/// How a leaking path leaves the function. `ThrowingCall`: a call that may
/// throw (as the caller's `MayThrow` says), on the exceptional path.
enum class ExitKind { Return, Throw, CoReturn, FallOff, ThrowingCall };

/// Says which statements of the body are calls that may throw out of the
/// function; an empty one (the default) counts none.
using MayThrowFn = llvm::function_ref<bool(const Stmt *)>;

struct LeakingExit {
  ExitKind Kind;
  SourceLocation Loc;
};

/// The CFG of one function body, built once per function that needs it.
class FunctionPaths {
public:
  /// Builds the CFG of `FD` (of a coroutine, its body without the promise
  /// machinery: `co_return` counts as an exit). Null if it cannot be built.
  static std::unique_ptr<FunctionPaths> build(const FunctionDecl *FD,
                                              ASTContext &Ctx);

  /// A path from `Start` (a statement in the body) to an exit of the
  /// function on which no statement of `Discharges` (nor a parent of one)
  /// executes. Paths that end in a `[[noreturn]]` call, that never leave
  /// the function, or that leave it through a return spelled by a system
  /// header's macro, do not count. A statement `MayThrow` accepts is an
  /// exit too (its exception leaves the function).
  std::optional<LeakingExit>
  findUndischargedExit(const Stmt *Start,
                       const llvm::SmallPtrSetImpl<const Stmt *> &Discharges,
                       MayThrowFn MayThrow = nullptr);

  /// As findUndischargedExit, from the function's entry.
  std::optional<LeakingExit> findUndischargedExitFromEntry(
      const llvm::SmallPtrSetImpl<const Stmt *> &Discharges,
      MayThrowFn MayThrow = nullptr);

  /// True if some path leads from `From` to `To` (statements in the body).
  bool reaches(const Stmt *From, const Stmt *To);

  const Stmt *body() const { return Body; }

private:
  FunctionPaths(std::unique_ptr<CFG> Graph, const Stmt *Body,
                SourceLocation End, ASTContext &Ctx);
  /// `S`, or its nearest ancestor that is an element of the CFG.
  const Stmt *element(const Stmt *S) const;
  std::optional<LeakingExit>
  search(const CFGBlock *Block, unsigned From, const Stmt *StartElement,
         const llvm::SmallPtrSetImpl<const Stmt *> &Discharges,
         MayThrowFn MayThrow);

  std::unique_ptr<CFG> Graph;
  const Stmt *Body;
  SourceLocation End;
  ASTContext &Ctx;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Where;
};

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_OBLIGATIONPATHS_H
