//===--- Ticker.cpp - tether clang-tidy -----------------------------------===//
//
// Tickers: repeating timers that must be stopped, and the functions that
// stop them or make unstoppable or one-shot ones.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"

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
  if (isTickerType(T.getNonReferenceType()))
    return true;
  QualType Pointee = pointeeOfHolder(T);
  return !Pointee.isNull() && isTickerType(Pointee);
}

} // namespace clang::tidy::tether::model
