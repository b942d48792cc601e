//===--- Spawn.cpp - tether clang-tidy ------------------------------------===//
//
// Spawn sites: `tether::go`, `wait_group::go`, `group::go` (annotated
// tether::spawn), `std::thread`, `std::jthread`, `std::async`, and the
// functions or classes named by the SpawnFunctions option; and the callable
// that becomes the task body.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/DeclTemplate.h"
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

std::optional<SpawnSite> ApiModel::getEmplacedThread(const CallExpr *Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      !Method->getName().starts_with("emplace") || Call->getNumArgs() == 0)
    return std::nullopt;
  const auto *Container =
      dyn_cast<ClassTemplateSpecializationDecl>(Method->getParent());
  if (!Container || !isInStd(Container) ||
      Container->getTemplateArgs().size() == 0 ||
      Container->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  SpawnSite Site;
  Site.Site = Call;
  Site.Kind = stdKind(getRecord(Container->getTemplateArgs()[0].getAsType()));
  if (Site.Kind != SpawnKind::StdThread && Site.Kind != SpawnKind::StdJThread)
    return std::nullopt;
  // `emplace(position, callable)` of a vector or deque: skip the iterator.
  const Expr *const *Args = Call->getArgs();
  unsigned NumArgs = Call->getNumArgs();
  if (Method->getName() == "emplace" && NumArgs > 1) {
    ++Args;
    --NumArgs;
  }
  // One argument of the thread type itself is a move, not a spawn.
  if (NumArgs == 1 &&
      getRecord(Args[0]->getType()) ==
          getRecord(Container->getTemplateArgs()[0].getAsType()))
    return std::nullopt;
  if (!findBody(Site, Args, NumArgs))
    return std::nullopt;
  return Site;
}

const FunctionDecl *ApiModel::getTaskFunction(const Expr *Body) {
  if (!Body)
    return nullptr;
  // Through a type-erasing holder on the way in (the `std::function<void()>
  // job` parameter of an executor).
  const Expr *E = analysis::stripToCallable(Body);
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
                dyn_cast<LambdaExpr>(analysis::stripToCallable(Var->getInit())))
          return Lambda->getCallOperator();
  }
  return nullptr;
}

} // namespace clang::tidy::tether::model
