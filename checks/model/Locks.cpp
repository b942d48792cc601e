//===--- Locks.cpp - tether clang-tidy ------------------------------------===//

#include "Locks.h"
#include "ApiModel.h"
#include "analysis/ValueFlow.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::tether::model {

bool isLockMethodName(llvm::StringRef Name) {
  return Name == "lock" || Name == "lock_shared" || Name == "try_lock" ||
         Name == "Lock" || Name == "LockShared";
}

bool isUnlockMethodName(llvm::StringRef Name) {
  return Name == "unlock" || Name == "unlock_shared" || Name == "Unlock" ||
         Name == "UnlockShared";
}

bool isScopedLockType(const CXXRecordDecl *Class) {
  if (!Class || !Class->getIdentifier() || !isInStd(Class))
    return false;
  return llvm::StringSwitch<bool>(Class->getName())
      .Cases("lock_guard", "unique_lock", "scoped_lock", "shared_lock", true)
      .Default(false);
}

llvm::SmallVector<const ValueDecl *, 2>
mutexesLockedBy(const CXXConstructExpr *Construct) {
  llvm::SmallVector<const ValueDecl *, 2> Mutexes;
  if (!Construct)
    return Mutexes;
  for (const Expr *Arg : Construct->arguments()) {
    const CXXRecordDecl *Tag = getRecord(Arg->getType());
    if (Tag && Tag->getIdentifier() && Tag->getName() == "defer_lock_t")
      return {};
    if (const ValueDecl *D = analysis::storageOf(Arg))
      Mutexes.push_back(D);
  }
  return Mutexes;
}

const CXXConstructExpr *lockConstruction(const Expr *Init) {
  return dyn_cast_or_null<CXXConstructExpr>(analysis::stripTransparent(Init));
}

} // namespace clang::tidy::tether::model
