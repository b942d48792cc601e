//===--- Ticker.cpp - tether clang-tidy -----------------------------------===//
//
// Tickers: repeating timers that must be stopped, and the functions that
// stop them or make unstoppable or one-shot ones.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::tether::model {

bool ApiModel::isTickerType(QualType T) const {
  return typeHasRole(T, role::Ticker, TickerTypes);
}

bool ApiModel::isTickerStop(const FunctionDecl *F) const {
  return functionHasRole(F, role::TickerStop, TickerStopFunctions);
}

bool ApiModel::isUnstoppableTicker(const FunctionDecl *F) const {
  return functionHasRole(F, role::UnstoppableTicker, NameList());
}

bool ApiModel::isOneShotTimer(const FunctionDecl *F) const {
  return functionHasRole(F, role::OneShotTimer, NameList());
}

bool ApiModel::isTickerHolder(QualType T) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return isTickerType(T->getPointeeType());
  if (isTickerType(T))
    return true;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !isInStd(Spec) || !Spec->getIdentifier() ||
      !(Spec->getName() == "shared_ptr" || Spec->getName() == "unique_ptr"))
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  return Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
         isTickerType(Args[0].getAsType());
}

} // namespace clang::tidy::tether::model
