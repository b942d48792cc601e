//===--- SyncCalls.h - tether clang-tidy ------------------------*- C++ -*-===//
//
// The calls of one translation unit on condition variables (waits and
// notifications, with the function each is written in) and on bounded
// queues whose push blocks while they are full (with the conditions of the
// loops around each), and the places each flag is set to a constant: who
// wakes, who takes and who stops, for the checks that pair a producer with
// its consumers and their stop path.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_SYNCCALLS_H
#define TETHER_CHECKS_MODEL_SYNCCALLS_H

#include "ConditionWaits.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang::tidy::tether::model {

/// A call of a condition variable's member function and the function (a
/// lambda's call operator inside a lambda) it is written in.
struct CvCall {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Fn = nullptr;
};

/// A call on a blocking queue, its function, and the conditions of the
/// loops around it in that function.
struct QueueCall {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Fn = nullptr;
  StringRef Name;
  llvm::SmallVector<const Expr *, 2> Loops;
};

/// A flag set to a constant in a function.
struct FlagSet {
  const Expr *Write = nullptr;
  const FunctionDecl *Fn = nullptr;
};

/// True for the push of a bounded queue that blocks while it is full (not
/// `try_push`, `push_for`, ...).
bool isBlockingPushName(StringRef Name);

/// True for a take from a queue, blocking or not.
bool isPopName(StringRef Name);

/// True for a bounded queue whose push blocks while it is full: Boost's
/// `sync_bounded_queue`, Boost.Fiber's `buffered_channel`, and
/// BlockingQueueTypes.
bool isBlockingQueue(const CXXRecordDecl *Class, const NameList &Queues);

/// True for a method name that adds to a container.
bool isPushName(StringRef Name);

/// The member function a call names and the object it is called on,
/// resolved or (in a template) not.
struct MemberCall {
  StringRef Name;
  const Expr *Object = nullptr;
  const CXXRecordDecl *Class = nullptr;
};

/// The member call `Call` makes, if any.
std::optional<MemberCall> memberCallOf(const CallExpr *Call);

/// The calls on condition variables and blocking queues of one translation
/// unit outside system headers, as written (template patterns, not
/// instantiations), and the flags it sets.
class SyncCallIndex {
public:
  SyncCallIndex(const SyncTypes &Sync, const NameList &Queues, ASTContext &Ctx);
  ~SyncCallIndex();

  /// The notifications of `Cv`.
  llvm::ArrayRef<CvCall> notifiesOf(const ValueDecl *Cv) const {
    auto It = ByCv.find(Cv);
    return It == ByCv.end() ? llvm::ArrayRef<CvCall>() : It->second;
  }
  /// The function a call on a condition variable is written in.
  const FunctionDecl *functionOf(const CallExpr *Call) const {
    return FnOf.lookup(Call);
  }
  /// The calls on the blocking queue `Q`.
  llvm::ArrayRef<QueueCall> callsOn(const ValueDecl *Q) const {
    auto It = ByQueue.find(Q);
    return It == ByQueue.end() ? llvm::ArrayRef<QueueCall>() : It->second;
  }
  /// The places `Flag` is set to a constant.
  llvm::ArrayRef<FlagSet> setsOf(const ValueDecl *Flag) const {
    auto It = Sets.find(Flag);
    return It == Sets.end() ? llvm::ArrayRef<FlagSet>() : It->second;
  }
  /// True if `Fn`, or a function it calls directly, calls `Q`.
  bool uses(const FunctionDecl *Fn, const ValueDecl *Q) const {
    return llvm::any_of(callsOn(Q), [&](const QueueCall &C) {
      return C.Fn == Fn || (C.Fn && callsDirectly(Fn, C.Fn));
    });
  }
  /// True if `Fn`, or a function it calls directly, notifies `Cv`.
  bool notifies(const FunctionDecl *Fn, const ValueDecl *Cv) const {
    for (const CvCall &N : notifiesOf(Cv)) {
      if (N.Fn == Fn)
        return true;
      if (N.Fn && callsDirectly(Fn, N.Fn))
        return true;
    }
    return false;
  }

private:
  class Builder;

  /// True if `Caller`'s own code calls `Callee`.
  static bool callsDirectly(const FunctionDecl *Caller,
                            const FunctionDecl *Callee);

  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<QueueCall, 2>> ByQueue;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<FlagSet, 1>> Sets;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<CvCall, 2>> ByCv;
  llvm::DenseMap<const CallExpr *, const FunctionDecl *> FnOf;
};

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_SYNCCALLS_H
