//===--- ScopedLocks.cpp - tether clang-tidy ------------------------------===//

#include "ScopedLocks.h"
#include "ApiModel.h"
#include "Locks.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"

namespace clang::tidy::tether::model {

namespace {

/// The mutexes a local variable locks for its scope: a standard scoped
/// lock, or a project's guard constructed from a project mutex.
llvm::SmallVector<const ValueDecl *, 2> lockedForScope(const VarDecl *Var,
                                                       const SyncTypes &Sync) {
  if (!Var->getInit() || Var->getType()->isReferenceType())
    return {};
  llvm::SmallVector<const ValueDecl *, 2> Mutexes =
      mutexesLockedBy(lockConstruction(Var->getInit()));
  if (isScopedLockType(getRecord(Var->getType())))
    return Mutexes;
  llvm::erase_if(
      Mutexes, [&](const ValueDecl *M) { return !Sync.isMutex(M->getType()); });
  return Mutexes;
}

} // namespace

llvm::SmallVector<HeldLock, 2> scopedLocksAt(const Stmt *S, const Stmt *Body,
                                             const SyncTypes &Sync,
                                             ASTContext &Ctx) {
  llvm::SmallVector<HeldLock, 2> Held;
  llvm::SmallVector<const Stmt *, 8> Above =
      analysis::ancestorsBelow(S, Body, Ctx);
  Above.push_back(Body);
  const Stmt *Child = S;
  for (const Stmt *Parent : Above) {
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent))
      for (const Stmt *Item : Block->body()) {
        if (Item == Child)
          break;
        const auto *Decls = dyn_cast<DeclStmt>(Item);
        if (!Decls)
          continue;
        for (const Decl *D : Decls->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D))
            for (const ValueDecl *M : lockedForScope(Var, Sync))
              Held.push_back({Var, M});
      }
    Child = Parent;
  }
  return Held;
}

bool locksByHand(const FunctionDecl *Fn, const ValueDecl *Mutex) {
  bool Found = false;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (Method && Method->getIdentifier() &&
        (isLockMethodName(Method->getName()) ||
         isUnlockMethodName(Method->getName())) &&
        analysis::storageOf(Call->getImplicitObjectArgument()) == Mutex)
      Found = true;
  });
  return Found;
}

} // namespace clang::tidy::tether::model
