//===--- Cancellable.cpp - tether clang-tidy ------------------------------===//
//
// Blocking calls and their cancellable overloads: an overload with the same
// name in the same scope that takes one more parameter, a context or a stop
// token, and that is annotated tether::cancellable, named by the
// CancellableFunctions option, or a member of std::condition_variable_any.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

namespace clang::tidy::tether::model {

bool ApiModel::isCancellableOverload(const NamedDecl *Candidate) const {
  if (hasRole(Candidate, role::Cancellable) ||
      CancellableFunctions.contains(Candidate))
    return true;
  const auto *Class = dyn_cast<CXXRecordDecl>(Candidate->getDeclContext());
  return Class && Class->getIdentifier() &&
         Class->getName() == "condition_variable_any" && isInStd(Class);
}

bool ApiModel::isBlockingCall(const FunctionDecl *F) const {
  if (!F)
    return false;
  if (hasRole(F, role::BlockingSend) || hasRole(F, role::BlockingRecv) ||
      hasRole(F, role::BlockingSleep) || hasRole(F, role::BlockingWait) ||
      SendFunctions.contains(F) || RecvFunctions.contains(F))
    return true;
  return !findCancellableOverloads(F).empty();
}

static bool sameParamType(QualType A, QualType B) {
  if (A->isDependentType() || B->isDependentType())
    return true;
  A = A.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  B = B.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  return A == B;
}

llvm::SmallVector<CancellableOverload, 2>
ApiModel::findCancellableOverloads(const FunctionDecl *F) const {
  llvm::SmallVector<CancellableOverload, 2> Found;
  if (!F || !F->getIdentifier() || F->isInvalidDecl())
    return Found;
  const DeclContext *DC = F->getDeclContext()->getRedeclContext();
  // Every call of the translation unit asks, so the cheap tests come first:
  // most callees have no overload with one more parameter. The template `F`
  // was instantiated from, and whether `F` already takes a token (a walk over
  // its parameters' classes and their bases), are asked only of callees that
  // have a candidate.
  const FunctionDecl *Self = nullptr;
  std::optional<bool> TakesToken;
  for (const NamedDecl *ND : DC->lookup(F->getDeclName())) {
    const FunctionDecl *Candidate = ND->getAsFunction();
    if (!Candidate || Candidate->getNumParams() != F->getNumParams() + 1 ||
        Candidate->isDeleted())
      continue;
    if (!Self) {
      Self = F->getTemplateInstantiationPattern();
      if (!Self)
        Self = F;
    }
    if (Candidate->getCanonicalDecl() == Self->getCanonicalDecl() ||
        Candidate->getCanonicalDecl() == F->getCanonicalDecl() ||
        !isCancellableOverload(Candidate))
      continue;
    if (!TakesToken)
      TakesToken = llvm::any_of(F->parameters(), [&](const ParmVarDecl *P) {
        return isTokenType(P->getType());
      });
    if (*TakesToken)
      return Found;
    for (unsigned Token = 0; Token < Candidate->getNumParams(); ++Token) {
      QualType TokenType = Candidate->getParamDecl(Token)->getType();
      if (!isTokenType(TokenType))
        continue;
      bool Matches = true;
      for (unsigned I = 0, J = 0; I < F->getNumParams(); ++I, ++J) {
        if (J == Token)
          ++J;
        if (!sameParamType(F->getParamDecl(I)->getType(),
                           Candidate->getParamDecl(J)->getType())) {
          Matches = false;
          break;
        }
      }
      if (Matches) {
        Found.push_back({Candidate, Token, isContextType(TokenType)});
        break;
      }
    }
  }
  return Found;
}

} // namespace clang::tidy::tether::model
