//===--- HandOff.cpp - tether clang-tidy ----------------------------------===//
//
// Classifies the uses of a tracked obligation. Precise first: any use that
// might take the obligation over counts as a hand-off; only uses that
// certainly do not (`(void)cancel`, `pair.first`, being assigned to, an
// unevaluated operand) leave it pending.
//
//===----------------------------------------------------------------------===//

#include "HandOff.h"
#include "ParentIndex.h"
#include "ValueFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether::analysis {

namespace {

/// Where a lambda that captures the tracked variable goes.
struct LambdaDestination {
  UseKind Kind = UseKind::HandedOff;
  const VarDecl *LocalVar = nullptr; ///< kept in this local variable
};

LambdaDestination classifyLambda(const LambdaExpr *Lambda, ASTContext &Ctx) {
  DynTypedNode Child = DynTypedNode::create(*static_cast<const Stmt *>(Lambda));
  DynTypedNode Parent = parentOf(Child, Ctx);
  while (const auto *S = Parent.get<Stmt>()) {
    if (!isTransparent(S))
      break;
    Child = Parent;
    Parent = parentOf(Parent, Ctx);
  }
  if (const auto *Var = Parent.get<VarDecl>()) {
    if (Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
        !isa<ParmVarDecl>(Var))
      return {UseKind::HandedOff, Var};
    return {};
  }
  if (const auto *Call = Parent.get<CallExpr>()) {
    const Stmt *Callee = Call->getCallee();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Call)
      Callee = Op->getArg(0);
    if (Callee == Child.get<Stmt>())
      return {UseKind::Called, nullptr}; // invoked on the spot
  }
  return {};
}

bool isVoidCast(const Stmt *S) {
  const auto *Cast = dyn_cast<ExplicitCastExpr>(S);
  return Cast && Cast->getTypeAsWritten()->isVoidType();
}

/// The outermost lambda between `Ref` and `Body`, if `Ref` is inside one.
const LambdaExpr *enclosingLambda(const Expr *Ref, const Stmt *Body,
                                  ASTContext &Ctx) {
  const LambdaExpr *Outermost = nullptr;
  DynTypedNode Node = DynTypedNode::create(*static_cast<const Stmt *>(Ref));
  for (unsigned Depth = 0; Depth < MaxAncestorDepth; ++Depth) {
    DynTypedNode Parent = parentOf(Node, Ctx);
    if (Parent.get<Decl>() && !Parent.get<VarDecl>() &&
        !Parent.get<CXXMethodDecl>() && !Parent.get<CXXRecordDecl>() &&
        !Parent.get<BindingDecl>() && !Parent.get<DecompositionDecl>())
      break;
    const Stmt *S = Parent.get<Stmt>();
    if (!S && !Parent.get<Decl>())
      break;
    if (S == Body)
      break;
    if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(S))
      Outermost = Lambda;
    Node = Parent;
  }
  return Outermost;
}

void collect(const Tracked &T, const Stmt *Body, ASTContext &Ctx,
             Discharges &Out, unsigned Depth) {
  for (const DeclRefExpr *Ref : referencesTo(T.Var, *Body, Ctx)) {
    Out.AnyUse = true;
    if (const LambdaExpr *Lambda = enclosingLambda(Ref, Body, Ctx)) {
      LambdaDestination Dest = classifyLambda(Lambda, Ctx);
      if (Dest.LocalVar && Depth < 2) {
        Discharges Inner;
        collect({Dest.LocalVar, false}, Body, Ctx, Inner, Depth + 1);
        Out.Points.insert(Inner.Points.begin(), Inner.Points.end());
        continue;
      }
      Out.Points.insert(Lambda);
      continue;
    }
    if (classifyUse(T, Ref, Ctx) != UseKind::Inert)
      Out.Points.insert(Ref);
  }
}

} // namespace

UseKind classifyUse(const Tracked &Track, const Expr *Ref, ASTContext &Ctx) {
  bool IsPair = Track.IsPair;
  DynTypedNode Child = DynTypedNode::create(*static_cast<const Stmt *>(Ref));
  for (unsigned Depth = 0; Depth < MaxAncestorDepth; ++Depth) {
    DynTypedNode Parent = parentOf(Child, Ctx);
    const Stmt *ChildStmt = Child.get<Stmt>();
    if (Parent.get<VarDecl>())
      return UseKind::HandedOff; // copied into another variable
    const Stmt *S = Parent.get<Stmt>();
    if (!S)
      return UseKind::HandedOff;
    if (isTransparent(S)) {
      Child = Parent;
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      if (IsPair && Member->getMemberDecl()->getIdentifier()) {
        llvm::StringRef Name = Member->getMemberDecl()->getName();
        if (Name == "first")
          return UseKind::Inert;
        if (Name == "second") {
          IsPair = false;
          Child = Parent;
          continue;
        }
      }
      if (Track.DischargingMember && !Track.DischargingMember(Member))
        return UseKind::Inert; // `t->chan()` does not stop a ticker
      return UseKind::Called;  // a member of it is used: `c.cancel()`
    }
    if (isa<CXXDependentScopeMemberExpr>(S))
      return UseKind::Called;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      // With a member predicate, `p->stop()` and `(*p).stop()` through a
      // smart pointer are member uses like those through a raw pointer.
      if (Track.DischargingMember && Op->getNumArgs() == 1 &&
          Op->getArg(0) == ChildStmt &&
          (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star)) {
        Child = Parent;
        continue;
      }
      if (Op->getNumArgs() > 0 && Op->getArg(0) == ChildStmt) {
        if (Op->getOperator() == OO_Call)
          return IsPair ? UseKind::HandedOff : UseKind::Called;
        if (Op->getOperator() == OO_Equal)
          return UseKind::Inert; // overwritten
      }
      return UseKind::HandedOff;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (Call->getCallee() == ChildStmt)
        return UseKind::Called;
      return UseKind::HandedOff; // passed to a function (std::move too)
    }
    if (isVoidCast(S))
      return UseKind::Inert;
    if (isa<ExplicitCastExpr>(S)) {
      Child = Parent;
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (Unary->getOpcode() == UO_Deref) {
        Child = Parent;
        continue;
      }
      return UseKind::HandedOff;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isAssignmentOp() && Binary->getLHS() == ChildStmt)
        return UseKind::Inert;
      if (Binary->getOpcode() == BO_Comma && Binary->getLHS() == ChildStmt)
        return UseKind::Inert;
      return UseKind::HandedOff;
    }
    if (isa<UnaryExprOrTypeTraitExpr>(S))
      return UseKind::Inert;
    return UseKind::HandedOff; // returned, stored, initialised, captured
  }
  return UseKind::HandedOff;
}

Discharges findDischarges(const Tracked &T, const Stmt *Body, ASTContext &Ctx) {
  Discharges Out;
  if (T.Var && Body)
    collect(T, Body, Ctx, Out, 0);
  return Out;
}

} // namespace clang::tidy::tether::analysis
