//===--- ValueFlow.cpp - tether clang-tidy --------------------------------===//

#include "ValueFlow.h"
#include "ParentIndex.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::tether::analysis {

bool isTransparent(const Stmt *S) {
  if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
          CXXBindTemporaryExpr, FullExpr, CXXFunctionalCastExpr>(S))
    return true;
  // A copy or move (with defaulted extra arguments), but not `T(x)` written
  // as a temporary object.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return !isa<CXXTemporaryObjectExpr>(Construct) &&
           Construct->getNumArgs() >= 1 && Construct->getConstructor() &&
           Construct->getConstructor()->isCopyOrMoveConstructor();
  return false;
}

const Expr *stripTransparent(const Expr *E) {
  while (E) {
    const Expr *Before = E;
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && isTransparent(Construct))
      E = Construct->getArg(0);
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    if (E == Before)
      return E;
  }
  return E;
}

DynTypedNode valueParent(const Stmt *Node, ASTContext &Ctx,
                         const Stmt **Child) {
  DynTypedNode Current = DynTypedNode::create(*Node);
  while (true) {
    DynTypedNodeList Parents = ParentIndex::of(Ctx).parents(Current);
    if (Parents.empty())
      return DynTypedNode();
    const Stmt *S = Parents[0].get<Stmt>();
    if (!S || !isTransparent(S)) {
      if (Child)
        *Child = Current.get<Stmt>();
      return Parents[0];
    }
    Current = Parents[0];
  }
}

const FunctionDecl *owningFunction(const ValueDecl *D) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
    return nullptr;
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  return Owner && Owner->hasBody() ? Owner : nullptr;
}

} // namespace clang::tidy::tether::analysis
