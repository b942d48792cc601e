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

bool containsErrors(const Stmt *S) {
  bool Errors = false;
  forEachStmt(S, [&](const Stmt *Child) {
    if (const auto *E = dyn_cast<Expr>(Child); E && E->containsErrors())
      Errors = true;
  });
  return Errors;
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

const ValueDecl *storageOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        return Var->getCanonicalDecl();
      return nullptr;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Subscript->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind Kind = Op->getOperator();
      if ((Kind != OO_Subscript && Kind != OO_Star && Kind != OO_Arrow) ||
          Op->getNumArgs() == 0)
        return nullptr;
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temporary->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const Decl *objectOf(const Expr *E) {
  const auto *Member =
      E ? dyn_cast<MemberExpr>(E->IgnoreParenImpCasts()) : nullptr;
  if (!Member)
    return nullptr;
  const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
  if (const auto *This = dyn_cast<CXXThisExpr>(Base))
    // Not getPointeeCXXRecordDecl: in a class template, `this` points to
    // the injected class name, which it does not see through.
    return This->getType()->getPointeeType()->getAsCXXRecordDecl();
  return storageOf(Base);
}

void collectReads(const Stmt *S, const DeclContext *Own, Reads &Out,
                  bool FollowMemberCalls) {
  if (!S)
    return;
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    // `[&ready = ready_] { return ready; }` reads what its capture names.
    if (Var && Var->isInitCapture())
      collectReads(Var->getInit(), Own, Out, FollowMemberCalls);
    else if (Var && Var->getDeclContext() != Own)
      D = Var->getCanonicalDecl();
  } else if (const auto *Member = dyn_cast<MemberExpr>(S)) {
    D = dyn_cast<FieldDecl>(Member->getMemberDecl());
  }
  if (D && llvm::none_of(Out, [&](const auto &R) { return R.first == D; }))
    Out.push_back({D, cast<Expr>(S)});
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
      Call && FollowMemberCalls) {
    const FunctionDecl *Def = nullptr;
    const CXXMethodDecl *Callee = Call->getMethodDecl();
    if (Callee && Callee->hasBody(Def) &&
        !Def->getASTContext().getSourceManager().isInSystemHeader(
            Def->getLocation()))
      collectReads(Def->getBody(), Def, Out, /*FollowMemberCalls=*/false);
  }
  for (const Stmt *Child : S->children())
    collectReads(Child, Own, Out, FollowMemberCalls);
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
