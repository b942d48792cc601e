//===--- LoopExits.h - tether clang-tidy ------------------------*- C++ -*-===//
//
// Loops that can never be left: a constant-true condition and no break,
// return, throw, goto, co_return, suspension or [[noreturn]] call inside.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_LOOPEXITS_H
#define TETHER_CHECKS_ANALYSIS_LOOPEXITS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::tether::analysis {

/// True if `Loop` (a while, do or for statement) can never be left.
bool loopNeverExits(const Stmt *Loop, ASTContext &Ctx);

/// True if something in `Body`, a loop's body, leaves the loop: a break (not
/// one of an inner loop or switch), return, throw, goto, co_return,
/// suspension or [[noreturn]] call. For loops whose condition never ends
/// them, such as a range-for over a channel that is never closed.
bool loopBodyHasExit(const Stmt *Body);

/// The first loop in `Body` (not in a nested lambda) that can never be left.
const Stmt *findForeverLoop(const Stmt *Body, ASTContext &Ctx);

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_LOOPEXITS_H
