//===--- ScopedLocks.h - tether clang-tidy ----------------------*- C++ -*-===//
//
// The locks in effect at a statement, from the blocks around it: the scoped
// locks (standard or a project's guard of a project mutex) declared before
// it, and whether the function also locks by hand, which the blocks do not
// show. For the checks that ask whether a check and a write share a lock.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_SCOPEDLOCKS_H
#define TETHER_CHECKS_MODEL_SCOPEDLOCKS_H

#include "ConditionWaits.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::tether::model {

/// A scoped lock in effect at a statement: the lock variable and the mutex
/// it holds.
struct HeldLock {
  const VarDecl *Lock = nullptr;
  const ValueDecl *Mutex = nullptr;
};

/// The scoped locks in effect at `S` in `Body`: those declared before it in
/// the blocks around it.
llvm::SmallVector<HeldLock, 2> scopedLocksAt(const Stmt *S, const Stmt *Body,
                                             const SyncTypes &Sync,
                                             ASTContext &Ctx);

/// True if `Fn` locks or unlocks `Mutex` by hand somewhere: the locks in
/// effect at a statement are then not known from its blocks alone.
bool locksByHand(const FunctionDecl *Fn, const ValueDecl *Mutex);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_SCOPEDLOCKS_H
