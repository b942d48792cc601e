//===--- ConditionWaits.h - tether clang-tidy -------------------*- C++ -*-===//
//
// Condition variables and the waits on them. A wait is known by the
// condition variable (the same member, global or local declaration), the
// mutex its lock was constructed from, and what the waiter checks: the
// predicate's reads (`cv.wait(lock, pred)`) or the condition of the loop the
// wait sits in (`while (!ready) cv.wait(lock);`). Shared by the checks that
// pair a wait with the code that should wake it.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_CONDITIONWAITS_H
#define TETHER_CHECKS_MODEL_CONDITIONWAITS_H

#include "Annotations.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang::tidy::tether::model {

/// The standard condition variables and mutexes, and the project's own
/// (the options `ConditionVariableTypes` and `MutexTypes`).
struct SyncTypes {
  /// Project condition variables: notify_one/notify_all (or notifyAll,
  /// Signal, SignalAll) and wait.
  NameList ConditionVariableTypes;
  /// Project mutexes, for a `condition_variable_any` that waits on the
  /// mutex itself rather than on a lock of it.
  NameList MutexTypes;

  /// True for `std::condition_variable(_any)` and ConditionVariableTypes.
  bool isConditionVariable(const CXXRecordDecl *Class) const;
  /// True for the standard mutexes and MutexTypes.
  bool isMutex(QualType Type) const;
};

/// True if `Name` is a condition variable's wait; `Timed` tells whether it
/// wakes up by itself (`wait_for`, `wait_until`, `TimedWait`).
bool isWaitName(llvm::StringRef Name, bool &Timed);

/// True if `Name` wakes a condition variable's waiters (`notify_one`,
/// `notify_all`, and the project spellings `notifyAll`, `Signal`, ...).
bool isNotifyName(llvm::StringRef Name);

/// One wait on a condition variable.
struct ConditionWait {
  const CallExpr *Call = nullptr;
  /// The function the wait is written in, looking through lambdas.
  const FunctionDecl *Fn = nullptr;
  /// The condition variable, as `analysis::storageOf` names it.
  const ValueDecl *Cv = nullptr;
  /// The mutex the wait's lock holds; null if unknown (a project condition
  /// variable bound to its mutex at construction, a lock of two mutexes).
  const ValueDecl *Mutex = nullptr;
  /// What the waiter checks before it sleeps again.
  analysis::Reads Checked;
  /// The innermost loop around the wait, in the same function; or null.
  const Stmt *Loop = nullptr;
  bool Timed = false;
};

/// The waits of one translation unit outside system headers, by condition
/// variable, as written (template patterns, not instantiations). Built on
/// first use and shared by the checks (one per set of `SyncTypes` options)
/// until `forget()`.
class ConditionWaitIndex {
public:
  static const ConditionWaitIndex &of(const SyncTypes &Types, ASTContext &Ctx);
  /// Drops the unit's indexes; called at the end of each translation unit.
  static void forget();
  ~ConditionWaitIndex();

  /// The waits on `Cv`, or null if there are none.
  const llvm::SmallVector<ConditionWait, 1> *waitsOn(const ValueDecl *Cv) const;

  const llvm::DenseMap<const ValueDecl *, llvm::SmallVector<ConditionWait, 1>> &
  all() const {
    return ByCv;
  }

private:
  ConditionWaitIndex(const SyncTypes &Types, ASTContext &Ctx);
  class Builder;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<ConditionWait, 1>> ByCv;
};

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_CONDITIONWAITS_H
