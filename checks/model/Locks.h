//===--- Locks.h - tether clang-tidy ----------------------------*- C++ -*-===//
//
// What locks a mutex and which mutex: the lock and unlock member functions of
// the standard mutexes (and of the usual project mutexes' spellings), the
// standard scoped locks, and the mutexes a lock's construction takes.
// Shared by the checks that ask "is this mutex held here?".
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_LOCKS_H
#define TETHER_CHECKS_MODEL_LOCKS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::tether::model {

/// True for a member function that locks its object: `lock`,
/// `lock_shared`, `try_lock` (and `Lock`, `LockShared`).
bool isLockMethodName(llvm::StringRef Name);

/// True for a member function that unlocks its object.
bool isUnlockMethodName(llvm::StringRef Name);

/// True for `std::lock_guard`, `unique_lock`, `scoped_lock`, `shared_lock`.
bool isScopedLockType(const CXXRecordDecl *Class);

/// The mutexes a construction locks: every argument that names a variable
/// or field (`std::scoped_lock lock(a, b)`, `absl::MutexLock lock(&mu)`),
/// none for `std::unique_lock lock(m, std::defer_lock)`.
llvm::SmallVector<const ValueDecl *, 2>
mutexesLockedBy(const CXXConstructExpr *Construct);

/// The construction that initialises a lock variable from `Init`, looking
/// through the casts and temporaries of `auto lock = std::unique_lock(m);`.
const CXXConstructExpr *lockConstruction(const Expr *Init);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_LOCKS_H
