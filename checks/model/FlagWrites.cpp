//===--- FlagWrites.cpp - tether clang-tidy -------------------------------===//

#include "FlagWrites.h"
#include "ApiModel.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::tether::model {

/// True if `T` is a flag: a bool, an integer or an enumeration, atomic or
/// not.
bool isFlagType(QualType T) {
  T = T.getNonReferenceType();
  return T->isBooleanType() || T->isIntegralOrEnumerationType() ||
         isAtomicType(T);
}

namespace {

/// True if `E` is a constant: `true`, `0`, an enumerator.
bool isConstantExpr(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  return !E->isValueDependent() && !E->containsErrors() &&
         E->isEvaluatable(Ctx);
}

} // namespace

std::optional<FlagWrite> flagWriteOf(const Stmt *S, ASTContext &Ctx) {
  const Expr *Target = nullptr;
  const Expr *Value = nullptr;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (Binary->getOpcode() == BO_Assign) {
      Target = Binary->getLHS();
      Value = Binary->getRHS();
    }
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      Target = Op->getArg(0);
      Value = Op->getArg(1);
    }
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getIdentifier() && Call->getNumArgs() > 0 &&
        (Method->getName() == "store" || Method->getName() == "exchange")) {
      Target = Call->getImplicitObjectArgument();
      Value = Call->getArg(0);
    }
  }
  if (!Target || !Value || !isConstantExpr(Value, Ctx))
    return std::nullopt;
  const ValueDecl *Flag = analysis::storageOf(Target);
  if (!Flag || !isFlagType(Flag->getType()))
    return std::nullopt;
  return FlagWrite{Flag, cast<Expr>(S)};
}

/// What a function's own code writes: every variable or field assigned,
/// incremented or changed by a non-const member function, and the flags it

FunctionWrites writesOf(const FunctionDecl *Fn, ASTContext &Ctx) {
  FunctionWrites Out;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors())
      Out.Errors = true;
    if (std::optional<FlagWrite> Flag = flagWriteOf(S, Ctx))
      Out.Flags.push_back(*Flag);
    const Expr *Target = nullptr;
    if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isAssignmentOp())
        Target = Binary->getLHS();
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (Unary->isIncrementDecrementOp())
        Target = Unary->getSubExpr();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (Op->getNumArgs() > 0 &&
          (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
           Op->getOperator() == OO_MinusMinus))
        Target = Op->getArg(0);
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (Method && !Method->isConst() && !Method->isStatic())
        Target = Call->getImplicitObjectArgument();
    }
    if (const ValueDecl *D = analysis::storageOf(Target))
      Out.All.insert(D);
  });
  return Out;
}

} // namespace clang::tidy::tether::model
