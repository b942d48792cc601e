//===--- ValueFlow.h - tether clang-tidy ------------------------*- C++ -*-===//
//
// Nodes that pass a value through unchanged (implicit casts, parentheses,
// temporaries, copies and moves), and walks that look past them. Shared by
// every check that asks where a value goes or where it came from.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_ANALYSIS_VALUEFLOW_H
#define TETHER_CHECKS_ANALYSIS_VALUEFLOW_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::tether::analysis {

/// True if `S` passes its operand's value through unchanged.
bool isTransparent(const Stmt *S);

/// `E` without the transparent nodes around it.
const Expr *stripTransparent(const Expr *E);

/// The callable `E` passes on: `E` without transparent nodes and
/// `std::move` around it, then through a type-erasing holder made from it
/// (`std::function<void()>(lambda)`) and `&f`.
const Expr *stripToCallable(const Expr *E);

/// The references to `D` in `Body` (lambda bodies included), in the order
/// of a walk of the tree, which is source order.
llvm::SmallVector<const DeclRefExpr *, 8>
referencesTo(const ValueDecl *D, const Stmt &Body, ASTContext &Ctx);

/// The parent of `Node` past the transparent nodes above it; `Child` (if
/// given) gets the node just below that parent.
DynTypedNode valueParent(const Stmt *Node, ASTContext &Ctx,
                         const Stmt **Child = nullptr);

/// Calls `Visit` on `S` and everything under it, lambda bodies included
/// (a predicate lambda runs inside the loop that passes it).
template <class F> void forEachStmt(const Stmt *S, F &&Visit) {
  if (!S)
    return;
  Visit(S);
  for (const Stmt *Child : S->children())
    forEachStmt(Child, Visit);
}

/// True if code under `S` (lambda bodies included) did not compile: code
/// mid-edit is not understood well enough to report on.
bool containsErrors(const Stmt *S);

/// The variable (its first declaration) or field whose storage `E` names,
/// through subscripts, dereferences, address-of and the overloaded `[]`,
/// `*` and `->`: what "the same variable" means to a check. Null otherwise.
const ValueDecl *storageOf(const Expr *E);

/// The object whose member `E` accesses, as a key two accesses compare by:
/// the variable or field the base names (`a` of `a->x`, `a.x`, `(*a).x`),
/// or the class for a member of `this`. Null for a member of anything else
/// (a call's result), and when `E` is no member access.
const Decl *objectOf(const Expr *E);

/// The variables and fields an expression reads, with the first expression
/// that reads each.
using Reads = llvm::SmallVector<std::pair<const ValueDecl *, const Expr *>, 4>;

/// Adds what `S` reads to `Out`, except the locals and parameters of `Own`.
/// With `FollowMemberCalls`, also what a member function called in `S`
/// reads (one level deep; not functions of system headers), as
/// `[this] { return ready(); }` reads what `ready()` reads.
void collectReads(const Stmt *S, const DeclContext *Own, Reads &Out,
                  bool FollowMemberCalls);

/// Calls `Visit` on `S` and everything under it in the code of one function:
/// not the bodies of lambdas written in it, which run elsewhere.
template <class F> void forEachOwnStmt(const Stmt *S, F &&Visit) {
  if (!S || isa<LambdaExpr>(S))
    return;
  Visit(S);
  for (const Stmt *Child : S->children())
    forEachOwnStmt(Child, Visit);
}

/// The function (with a body) that declares `D` as a local variable, not a
/// parameter; null for anything else. Where to look for all of its uses.
const FunctionDecl *owningFunction(const ValueDecl *D);

} // namespace clang::tidy::tether::analysis

#endif // TETHER_CHECKS_ANALYSIS_VALUEFLOW_H
