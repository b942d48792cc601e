//===--- Spawn.cpp - tether clang-tidy ------------------------------------===//
//
// Spawn sites: `tether::go`, `wait_group::go`, `group::go` (annotated
// tether::spawn), `std::thread`, `std::jthread`, `std::async`, and the
// functions or classes named by the SpawnFunctions option; and the callable
// that becomes the task body.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::tether::model {

static bool isStringLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *Array = T->getAsArrayTypeUnsafe())
    return Array->getElementType()->isAnyCharacterType();
  if (const auto *Pointer = T->getAs<PointerType>())
    return Pointer->getPointeeType()->isAnyCharacterType();
  if (const CXXRecordDecl *RD = getRecord(T))
    return isInStd(RD) && RD->getIdentifier() &&
           (RD->getName() == "basic_string" ||
            RD->getName() == "basic_string_view");
  return false;
}

/// Fills `Site` with the callable argument among `Args`: the first that is
/// not a name (string) or a launch policy (enum).
static bool findBody(SpawnSite &Site, const Expr *const *Args,
                     unsigned NumArgs) {
  for (unsigned I = 0; I < NumArgs; ++I) {
    const Expr *Arg = Args[I];
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    QualType T = Arg->getType();
    if (isStringLike(T) || T->isEnumeralType())
      continue;
    Site.Body = Arg;
    Site.Args = Args + I + 1;
    Site.NumArgs = 0;
    for (unsigned J = I + 1; J < NumArgs && !isa<CXXDefaultArgExpr>(Args[J]);
         ++J)
      ++Site.NumArgs;
    return true;
  }
  return false;
}

/// Which standard spawn `D` is. The name is tested before the namespace, the
/// longer walk: every call and construction of a translation unit asks.
static SpawnKind stdKind(const NamedDecl *D) {
  if (!D || !D->getIdentifier())
    return SpawnKind::Other;
  llvm::StringRef Name = D->getName();
  SpawnKind Kind = Name == "thread"    ? SpawnKind::StdThread
                   : Name == "jthread" ? SpawnKind::StdJThread
                   : Name == "async"   ? SpawnKind::StdAsync
                                       : SpawnKind::Other;
  return Kind != SpawnKind::Other && isInStd(D) ? Kind : SpawnKind::Other;
}

std::optional<SpawnSite> ApiModel::getSpawnSite(const Expr *E) const {
  SpawnSite Site;
  Site.Site = E;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor() ||
        Construct->getNumArgs() == 0)
      return std::nullopt;
    const CXXRecordDecl *Class = Ctor->getParent();
    Site.Kind = stdKind(Class);
    if (Site.Kind == SpawnKind::StdAsync)
      return std::nullopt;
    if (Site.Kind == SpawnKind::Other) {
      if (!hasRole(Ctor, role::Spawn) && !hasRole(Class, role::Spawn) &&
          !SpawnFunctions.contains(Class) && !SpawnFunctions.contains(Ctor))
        return std::nullopt;
      if (hasRole(Class, role::Spawn) || hasRole(Ctor, role::Spawn))
        Site.Kind = SpawnKind::Tether;
    }
    if (!findBody(Site, Construct->getArgs(), Construct->getNumArgs()))
      return std::nullopt;
    return Site;
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return std::nullopt;
  Site.Kind = stdKind(Callee);
  if (Site.Kind == SpawnKind::StdThread || Site.Kind == SpawnKind::StdJThread)
    return std::nullopt;
  if (Site.Kind == SpawnKind::Other) {
    if (hasRole(Callee, role::Spawn))
      Site.Kind = SpawnKind::Tether;
    else if (!SpawnFunctions.contains(Callee))
      return std::nullopt;
  }
  if (!findBody(Site, Call->getArgs(), Call->getNumArgs()))
    return std::nullopt;
  return Site;
}

static const Expr *ignoreWrappers(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Materialize = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Materialize->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1 &&
             Construct->getConstructor() &&
             Construct->getConstructor()->isCopyOrMoveConstructor())
      E = Construct->getArg(0);
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->getIdentifier() &&
             Call->getDirectCallee()->getName() == "move" &&
             isInStd(Call->getDirectCallee()))
      E = Call->getArg(0);
    else
      return E;
  }
}

const FunctionDecl *ApiModel::getTaskFunction(const Expr *Body) {
  if (!Body)
    return nullptr;
  const Expr *E = ignoreWrappers(Body);
  // A callable wrapped in a type-erasing holder on the way in
  // (`std::function<void()> job` parameter of an executor).
  if (const auto *Holder = dyn_cast<CXXConstructExpr>(E);
      Holder && Holder->getNumArgs() == 1 && Holder->getConstructor() &&
      !Holder->getConstructor()->isCopyOrMoveConstructor())
    E = ignoreWrappers(Holder->getArg(0));
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    E = ignoreWrappers(Unary->getSubExpr());
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Fn = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      const FunctionDecl *Def = nullptr;
      return Fn->hasBody(Def) ? Def : nullptr;
    }
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
          Var->getInit())
        if (const auto *Lambda =
                dyn_cast<LambdaExpr>(ignoreWrappers(Var->getInit())))
          return Lambda->getCallOperator();
  }
  return nullptr;
}

} // namespace clang::tidy::tether::model
