//===--- Context.cpp - tether clang-tidy ----------------------------------===//
//
// Cancellation: contexts, their factories and cancel functions, and the
// standard library's stop tokens, stop sources and stop callbacks.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"

namespace clang::tidy::tether::model {

static bool isStdClass(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && RD->getIdentifier() && RD->getName() == Name && isInStd(RD);
}

bool ApiModel::isContextType(QualType T) const {
  return typeHasRole(T, role::Context, ContextTypes);
}

bool ApiModel::isCancelFuncType(QualType T) const {
  return typeHasRole(T, role::CancelFunc, CancelFuncTypes);
}

bool ApiModel::isContextFactory(const FunctionDecl *F) const {
  return functionHasRole(F, role::ContextFactory, ContextFactories);
}

bool ApiModel::isBackgroundContext(const FunctionDecl *F) const {
  if (!F)
    return false;
  if (BackgroundContextFunctions.contains(F))
    return true;
  return F->getIdentifier() && F->getName() == "background" &&
         F->getNumParams() == 0 && isContextType(F->getReturnType());
}

bool ApiModel::isStopTokenType(QualType T) const {
  return isStdClass(T, "stop_token");
}

bool ApiModel::isStopSourceType(QualType T) const {
  return isStdClass(T, "stop_source");
}

bool ApiModel::isStopCallbackType(QualType T) const {
  return isStdClass(T, "stop_callback");
}

bool ApiModel::isStopCheck(const FunctionDecl *F) const {
  return F && ((F->getIdentifier() && F->getName() == "stop_requested") ||
               StopCheckFunctions.contains(F));
}

} // namespace clang::tidy::tether::model
