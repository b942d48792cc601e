//===--- StopPaths.h - tether clang-tidy ------------------------*- C++ -*-===//
//
// What a stop path does to the consumers and producers of a condition
// variable: the flags it sets that the consumers' waits check (they exit on
// them), the producers' pushes and their early exits on those flags, and a
// producer's wait for room that the stop path strands (only the consumers
// wake it, and it checks nothing the stop path writes).
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_STOPPATHS_H
#define TETHER_CHECKS_MODEL_STOPPATHS_H

#include "ConditionWaits.h"
#include "FlagWrites.h"
#include "SyncCalls.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::tether::model {

/// A stop flag of the consumers on one condition variable: set by the stop
/// path, checked by a consumer's wait.
struct StopFlag {
  FlagWrite Set;
  const Expr *CheckedAt = nullptr;
};

/// The flags `Stop` sets that a waiter on `Cv` checks: what makes the
/// consumers exit. Not a flag a consumer sets itself (a handshake: `ready`
/// set by one side, reset by the other).
llvm::SmallVector<StopFlag, 1>
stopFlagsOf(const FunctionWrites &StopWrites,
            llvm::ArrayRef<ConditionWait> Consumers,
            const SyncCallIndex &Index);

/// A push into a container the consumers check.
struct Push {
  const CallExpr *Call = nullptr;
  const ValueDecl *Queue = nullptr;
};

/// The pushes of `Fn` into a container a consumer's wait checks.
llvm::SmallVector<Push, 1> pushesOf(const FunctionDecl *Fn,
                                    llvm::ArrayRef<ConditionWait> Consumers);

/// The early exits of `Fn` on `Flag`: `if (stop) throw ...;`.
llvm::SmallVector<const IfStmt *, 1> guardsOn(const FunctionDecl *Fn,
                                              const ValueDecl *Flag);

/// The consumers' notification that wakes `Wait`, if `Wait` is a
/// producer's wait for room that `Stop` strands: only the consumers notify
/// its condition variable, and it neither re-checks anything `Stop` writes
/// nor is woken by `Stop`. Null otherwise.
const CvCall *
strandedBy(const ConditionWait &Wait, const FunctionDecl *Stop,
           const FunctionWrites &StopWrites,
           const llvm::SmallPtrSetImpl<const FunctionDecl *> &ConsumerFns,
           const SyncCallIndex &Notifies);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_STOPPATHS_H
