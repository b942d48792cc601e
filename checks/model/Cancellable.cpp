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
  for (const ParmVarDecl *Param : F->parameters())
    if (isTokenType(Param->getType()))
      return Found; // already takes one
  const DeclContext *DC = F->getDeclContext()->getRedeclContext();
  const FunctionDecl *Self = F->getTemplateInstantiationPattern()
                                 ? F->getTemplateInstantiationPattern()
                                 : F;
  for (const NamedDecl *ND : DC->lookup(F->getDeclName())) {
    const FunctionDecl *Candidate = ND->getAsFunction();
    if (!Candidate ||
        Candidate->getCanonicalDecl() == Self->getCanonicalDecl() ||
        Candidate->getCanonicalDecl() == F->getCanonicalDecl() ||
        Candidate->isDeleted() ||
        Candidate->getNumParams() != F->getNumParams() + 1 ||
        !isCancellableOverload(Candidate))
      continue;
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
