//===--- ValueFlow.cpp - tether clang-tidy --------------------------------===//

#include "ValueFlow.h"
#include "ParentIndex.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::tether::analysis {

using namespace ast_matchers;

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

/// `E` without transparent nodes and calls of `std::move` around it.
static const Expr *stripTransparentAndMoves(const Expr *E) {
  while (true) {
    E = stripTransparent(E);
    const auto *Call = dyn_cast_or_null<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Call->getNumArgs() != 1 || !Callee->getIdentifier() ||
        Callee->getName() != "move" || !Callee->isInStdNamespace())
      return E;
    E = Call->getArg(0);
  }
}

const Expr *stripToCallable(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripTransparentAndMoves(E);
  if (const auto *Holder = dyn_cast<CXXConstructExpr>(E);
      Holder && Holder->getNumArgs() == 1 && Holder->getConstructor() &&
      !Holder->getConstructor()->isCopyOrMoveConstructor())
    E = stripTransparentAndMoves(Holder->getArg(0));
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    E = stripTransparentAndMoves(Unary->getSubExpr());
  return E;
}

llvm::SmallVector<const DeclRefExpr *, 8>
referencesTo(const ValueDecl *D, const Stmt &Body, ASTContext &Ctx) {
  llvm::SmallVector<const DeclRefExpr *, 8> Refs;
  for (const BoundNodes &Nodes :
       match(findAll(declRefExpr(to(valueDecl(equalsNode(D)))).bind("ref")),
             Body, Ctx))
    Refs.push_back(Nodes.getNodeAs<DeclRefExpr>("ref"));
  return Refs;
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
