//===--- Mutation.cpp - tether clang-tidy ---------------------------------===//

#include "Mutation.h"
#include "ValueFlow.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::tether::analysis {

ExprMutationAnalyzer &MutationScope::analyzer() {
  if (!Analyzer)
    Analyzer.emplace(Scope, Ctx);
  return *Analyzer;
}

const MutationScope::Accesses &MutationScope::accesses() {
  if (Found)
    return *Found;
  Found.emplace();
  forEachStmt(&Scope, [&](const Stmt *S) {
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
        Cast && Cast->getCastKind() == CK_LValueToRValue)
      Found->Loads.insert(Cast->getSubExpr()->IgnoreParens());
    else if (const auto *Unary = dyn_cast<UnaryOperator>(S);
             Unary && Unary->isIncrementDecrementOp())
      Found->Writes.insert(Unary->getSubExpr()->IgnoreParens());
    else if (const auto *Binary = dyn_cast<BinaryOperator>(S);
             Binary && Binary->isAssignmentOp())
      Found->Writes.insert(Binary->getLHS()->IgnoreParens());
  });
  return *Found;
}

bool MutationScope::isMutated(const VarDecl *Var) {
  bool OnlyLoaded = true;
  bool Written = false;
  forEachStmt(&Scope, [&](const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    if (!Ref || Ref->getDecl() != Var)
      return;
    Written |= accesses().Writes.contains(Ref);
    OnlyLoaded &= accesses().Loads.contains(Ref);
  });
  if (Written || OnlyLoaded)
    return Written;
  return analyzer().isMutated(Var);
}

bool MutationScope::isMutated(const Expr *Use) {
  if (accesses().Writes.contains(Use))
    return true;
  return !accesses().Loads.contains(Use) && analyzer().isMutated(Use);
}

bool MutationScope::isPointeeMutated(const VarDecl *Var) {
  return analyzer().isPointeeMutated(Var);
}

} // namespace clang::tidy::tether::analysis
