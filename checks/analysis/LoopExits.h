//===--- LoopExits.h - tether clang-tidy ------------------------*- C++ -*-===//
//
// Loops: which statements are loops and what repeats in them, how often a
// counted loop runs, and loops that can never be left (a constant-true
// condition and no break, return, throw, goto, co_return, suspension or
// [[noreturn]] call inside).
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_LOOPEXITS_H
#define TETHER_CHECKS_ANALYSIS_LOOPEXITS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <limits>

namespace clang::tidy::tether::analysis {

/// True if `S` is a while, do, for or range-for statement.
bool isLoop(const Stmt *S);

/// The body of the loop `S`; null if `S` is no loop.
const Stmt *loopBody(const Stmt *S);

/// True if `Child` of `Loop` runs on every iteration: the body, and the
/// condition (with a condition variable: `while (auto v = ch.recv())`) and
/// increment, but not a for's init-statement nor a range-for's range.
bool repeatsEachIteration(const Stmt *Loop, const Stmt *Child);

/// The loop that runs `S` on each of its iterations (see
/// repeatsEachIteration), stopping at the enclosing function, lambda, block
/// or static initialiser (which runs once); null if there is none.
const Stmt *enclosingLoop(const Stmt *S, ASTContext &Ctx);

/// A count of runs that saturates at `UnboundedCount`, "any number".
constexpr unsigned UnboundedCount = std::numeric_limits<unsigned>::max();
unsigned mulCounts(unsigned A, unsigned B);
unsigned addCounts(unsigned A, unsigned B);

/// How many times a `for (int i = a; i < b; ++i)` loop runs (`<=` and `!=`
/// too, constant bounds at most 4096 apart); UnboundedCount for any other
/// loop.
unsigned tripCount(const Stmt *Loop, ASTContext &Ctx);

/// True if `Loop` (a while, do or for statement) can never be left.
bool loopNeverExits(const Stmt *Loop, ASTContext &Ctx);

/// The try statements between a statement and the loop (or function) being
/// searched, whose try block holds the statement: a throw that one of them
/// catches stays inside.
using EnclosingTries = llvm::SmallVector<const CXXTryStmt *, 2>;

/// True if a handler of one of `Tries` catches what `Throw` throws.
bool isCaught(const CXXThrowExpr *Throw,
              llvm::ArrayRef<const CXXTryStmt *> Tries);

/// True if something in `Body`, a loop's body, leaves the loop: a break (not
/// one of an inner loop or switch), return, throw (not one a try statement
/// inside the loop catches), goto, co_return, suspension or [[noreturn]]
/// call. For loops whose condition never ends
/// them, such as a range-for over a channel that is never closed.
bool loopBodyHasExit(const Stmt *Body);

/// The first loop in `Body` (not in a nested lambda) that can never be left.
const Stmt *findForeverLoop(const Stmt *Body, ASTContext &Ctx);

/// The condition of a while, do or for statement; null for `for (;;)` and
/// for other statements.
const Expr *getLoopCondition(const Stmt *Loop);

/// True if `Cond` is always true (null, as in `for (;;)`, counts as true).
bool isConstantTrueCondition(const Expr *Cond, ASTContext &Ctx);

/// The first statement in the body or increment of `Loop` (a while, do, for
/// or range-for statement) that leaves it: a `break` not inside an inner loop
/// or switch, `return`, a `throw` that no try statement inside the loop
/// catches, `goto`, `co_return`, a suspension or a [[noreturn]] call; null if
/// there is none.
const Stmt *findLoopExit(const Stmt *Loop);

/// True if a call to `Callee` can end a loop that makes it: its body (in this
/// translation unit) throws an exception it does not catch itself or calls a
/// [[noreturn]] function, outside nested lambdas.
bool calleeMayLeave(const FunctionDecl *Callee);

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_LOOPEXITS_H
