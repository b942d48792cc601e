//===--- StrandedProducerCheck.cpp - tether clang-tidy --------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// The check starts from a notification (`cv.notify_all()`, or a project
// condition variable's notify/signal) and asks two questions of it; and from
// a blocking push into a bounded library queue.
//
// As a stop path: the function sets flags to constants (`stopped = true`,
// `running_.store(false)`); a flag that the waiters on the notified
// condition variable check is a stop flag, and those waiters are the
// consumers, which exit once it is set. A wait on another condition variable
// that only the consumers notify (the consumers make room: `not_full`) is a
// producer's wait for room. It is stranded when its condition does not read
// the stop flag or anything else the stop path writes, and the stop path
// (or a member function it calls) does not notify its condition variable.
//
// As a producer: the function pushes into a container the consumers' waits
// check, and exits early on a stop flag (`if (stop) throw ...;`), but checks
// the flag outside the scoped lock that guards the push: the stop path can
// run in between, the consumers drain the queue and exit, and the work
// pushed next is never taken.
//
// A blocking push into a bounded queue (Boost's sync_bounded_queue,
// BlockingQueueTypes) is stranded when the consumers take from the queue in
// a loop that checks a flag, and a stop path sets that flag without any call
// on the queue (no close, abort or drain): nothing wakes the full queue's
// producer once the consumers have left.
//
// All of it is judged from the translation unit alone; a stop path in
// another file is not seen.
//
//===----------------------------------------------------------------------===//

#include "StrandedProducerCheck.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "model/Locks.h"
#include "model/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

namespace {

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
bool isBlockingPushName(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("push", "push_back", "wait_push", "emplace", "emplace_back", "put",
             true)
      .Default(false);
}

/// True for a take from a queue, blocking or not.
bool isPopName(StringRef Name) {
  std::string Lower = Name.lower();
  StringRef L = Lower;
  return L.contains("pop") || L.contains("pull") || L.contains("take") ||
         L.contains("dequeue");
}

/// True for a bounded queue whose push blocks while it is full: Boost's
/// `sync_bounded_queue`, Boost.Fiber's `buffered_channel`, and
/// BlockingQueueTypes.
bool isBlockingQueue(const CXXRecordDecl *Class,
                     const model::NameList &Queues) {
  if (!Class || !Class->getIdentifier())
    return false;
  if (Queues.contains(Class))
    return true;
  std::string Name = Class->getQualifiedNameAsString();
  return Name == "boost::concurrent::sync_bounded_queue" ||
         Name == "boost::fibers::buffered_channel";
}

/// True for a method name that adds to a container.
bool isPushName(StringRef Name) {
  return Name.starts_with("push") || Name.starts_with("emplace") ||
         Name.starts_with("insert");
}

/// The member function a call names and the object it is called on,
/// resolved or (in a template) not.
struct MemberCall {
  StringRef Name;
  const Expr *Object = nullptr;
  const CXXRecordDecl *Class = nullptr;
};

std::optional<MemberCall> memberCallOf(const CallExpr *Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    return MemberCall{Method->getName(), Member->getImplicitObjectArgument(),
                      Method->getParent()};
  }
  if (const auto *Unresolved =
          dyn_cast<UnresolvedMemberExpr>(Call->getCallee()->IgnoreParens())) {
    if (Unresolved->isImplicitAccess() ||
        !Unresolved->getMemberName().isIdentifier())
      return std::nullopt;
    return MemberCall{
        Unresolved->getMemberName().getAsIdentifierInfo()->getName(),
        Unresolved->getBase(), model::getRecord(Unresolved->getBaseType())};
  }
  return std::nullopt;
}

/// True if `T` is a flag: a bool, an integer or an enumeration, atomic or
/// not.
bool isFlagType(QualType T) {
  T = T.getNonReferenceType();
  return T->isBooleanType() || T->isIntegralOrEnumerationType() ||
         model::isAtomicType(T);
}

/// True if `E` is a constant: `true`, `0`, an enumerator.
bool isConstant(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  return !E->isValueDependent() && !E->containsErrors() &&
         E->isEvaluatable(Ctx);
}

/// A flag set to a constant: `stopped = true`, `running_.store(false)`.
struct FlagWrite {
  const ValueDecl *Flag = nullptr;
  const Expr *Write = nullptr;
};

std::optional<FlagWrite> flagWriteOf(const Stmt *S, ASTContext &Ctx) {
  const Expr *Target = nullptr;
  const Expr *Value = nullptr;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
    if (Binary->getOpcode() == BO_Assign) {
      Target = Binary->getLHS();
      Value = Binary->getRHS();
    }
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      Target = Op->getArg(0);
      Value = Op->getArg(1);
    }
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getIdentifier() && Call->getNumArgs() > 0 &&
        (Method->getName() == "store" || Method->getName() == "exchange")) {
      Target = Call->getImplicitObjectArgument();
      Value = Call->getArg(0);
    }
  }
  if (!Target || !Value || !isConstant(Value, Ctx))
    return std::nullopt;
  const ValueDecl *Flag = analysis::storageOf(Target);
  if (!Flag || !isFlagType(Flag->getType()))
    return std::nullopt;
  return FlagWrite{Flag, cast<Expr>(S)};
}

/// What a function's own code writes: every variable or field assigned,
/// incremented or changed by a non-const member function, and the flags it
/// sets to constants.
struct Writes {
  llvm::SmallPtrSet<const ValueDecl *, 8> All;
  llvm::SmallVector<FlagWrite, 2> Flags;
  bool Errors = false;
};

Writes writesOf(const FunctionDecl *Fn, ASTContext &Ctx) {
  Writes Out;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors())
      Out.Errors = true;
    if (std::optional<FlagWrite> Flag = flagWriteOf(S, Ctx))
      Out.Flags.push_back(*Flag);
    const Expr *Target = nullptr;
    if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isAssignmentOp())
        Target = Binary->getLHS();
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (Unary->isIncrementDecrementOp())
        Target = Unary->getSubExpr();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (Op->getNumArgs() > 0 &&
          (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
           Op->getOperator() == OO_MinusMinus))
        Target = Op->getArg(0);
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (Method && !Method->isConst() && !Method->isStatic())
        Target = Call->getImplicitObjectArgument();
    }
    if (const ValueDecl *D = analysis::storageOf(Target))
      Out.All.insert(D);
  });
  return Out;
}

/// The read of `D` in `Reads`, or null.
const Expr *readOf(const analysis::Reads &Reads, const ValueDecl *D) {
  for (const auto &[Read, E] : Reads)
    if (Read == D)
      return E;
  return nullptr;
}

} // namespace

class StrandedProducerCheck::CallIndex
    : public RecursiveASTVisitor<StrandedProducerCheck::CallIndex> {
public:
  using Base = RecursiveASTVisitor<CallIndex>;

  CallIndex(const model::SyncTypes &Sync, const model::NameList &Queues,
            ASTContext &Ctx)
      : Sync(Sync), Queues(Queues), Ctx(Ctx), SM(Ctx.getSourceManager()) {
    TraverseDecl(Ctx.getTranslationUnitDecl());
  }

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

  // The code as written: template patterns, not instantiations.
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    const auto *Fn = dyn_cast_or_null<FunctionDecl>(D);
    if (!Fn || !Fn->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    Fns.push_back(Fn);
    bool Result = Base::TraverseDecl(D);
    Fns.pop_back();
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    // A lambda's body is another function: the loops around it are not its.
    auto Saved = std::move(Loops);
    Loops.clear();
    Fns.push_back(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Fns.pop_back();
    Loops = std::move(Saved);
    return Result;
  }
  bool TraverseWhileStmt(WhileStmt *S) {
    return inLoop(S->getCond(), [&] { return Base::TraverseWhileStmt(S); });
  }
  bool TraverseDoStmt(DoStmt *S) {
    return inLoop(S->getCond(), [&] { return Base::TraverseDoStmt(S); });
  }
  bool TraverseForStmt(ForStmt *S) {
    return inLoop(S->getCond(), [&] { return Base::TraverseForStmt(S); });
  }

  bool VisitExpr(Expr *E) {
    if (Fns.empty() || E->containsErrors())
      return true;
    if (std::optional<FlagWrite> W = flagWriteOf(E, Ctx))
      Sets[W->Flag].push_back({W->Write, Fns.back()});
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    std::optional<MemberCall> Member = memberCallOf(Call);
    if (!Member || Fns.empty())
      return true;
    if (isBlockingQueue(Member->Class, Queues)) {
      if (const ValueDecl *Q = analysis::storageOf(Member->Object))
        ByQueue[Q].push_back({Call, Fns.back(), Member->Name, Loops});
      return true;
    }
    if (!Sync.isConditionVariable(Member->Class))
      return true;
    FnOf[Call] = Fns.back();
    if (!model::isNotifyName(Member->Name))
      return true;
    if (const ValueDecl *Cv = analysis::storageOf(Member->Object))
      ByCv[Cv].push_back({Call, Fns.back()});
    return true;
  }

private:
  template <class F> bool inLoop(const Expr *Cond, F &&Traverse) {
    if (Cond)
      Loops.push_back(Cond);
    bool Result = Traverse();
    if (Cond)
      Loops.pop_back();
    return Result;
  }

  static bool callsDirectly(const FunctionDecl *Caller,
                            const FunctionDecl *Callee) {
    bool Found = false;
    analysis::forEachOwnStmt(Caller->getBody(), [&](const Stmt *S) {
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Target = Call->getDirectCallee())
          Found |= Target->getCanonicalDecl() == Callee->getCanonicalDecl();
    });
    return Found;
  }

  const model::SyncTypes &Sync;
  const model::NameList &Queues;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::SmallVector<const FunctionDecl *, 4> Fns;
  /// The conditions of the loops around the node visited, in its function.
  llvm::SmallVector<const Expr *, 2> Loops;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<QueueCall, 2>> ByQueue;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<FlagSet, 1>> Sets;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<CvCall, 2>> ByCv;
  llvm::DenseMap<const CallExpr *, const FunctionDecl *> FnOf;
};

StrandedProducerCheck::StrandedProducerCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0),
      Sync{model::NameList(Options.get("ConditionVariableTypes", "")),
           model::NameList(Options.get("MutexTypes", ""))},
      BlockingQueueTypes(Options.get("BlockingQueueTypes", "")) {}

StrandedProducerCheck::~StrandedProducerCheck() = default;

void StrandedProducerCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "ConditionVariableTypes",
                Sync.ConditionVariableTypes.raw());
  Options.store(Opts, "MutexTypes", Sync.MutexTypes.raw());
  Options.store(Opts, "BlockingQueueTypes", BlockingQueueTypes.raw());
}

void StrandedProducerCheck::registerCheckMatchers(MatchFinder *Finder) {
  auto Method = [](const FunctionDecl &F) -> const CXXMethodDecl * {
    const auto *M = dyn_cast<CXXMethodDecl>(&F);
    return M && M->getIdentifier() ? M : nullptr;
  };
  model::addRoleMatcher<CallExpr>(
      Finder,
      {model::calleeRole("notify",
                         [this, Method](const FunctionDecl &F) {
                           const CXXMethodDecl *M = Method(F);
                           return M && model::isNotifyName(M->getName()) &&
                                  Sync.isConditionVariable(M->getParent());
                         }),
       model::calleeRole("push",
                         [this, Method](const FunctionDecl &F) {
                           const CXXMethodDecl *M = Method(F);
                           return M && isBlockingPushName(M->getName()) &&
                                  isBlockingQueue(M->getParent(),
                                                  BlockingQueueTypes);
                         })},
      this);
}

void StrandedProducerCheck::forgetUnit() {
  Waits.reset();
  Notifies.reset();
}

void StrandedProducerCheck::indexUnit(ASTContext &Ctx) {
  if (Waits)
    return;
  Waits = std::make_unique<model::ConditionWaitIndex>(Sync, Ctx);
  Notifies = std::make_unique<CallIndex>(Sync, BlockingQueueTypes, Ctx);
}

void StrandedProducerCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<MatchScope> Scope = scopeOf(Result);
  if (!Scope || !Scope->Fn || !Scope->Fn->getBody())
    return;
  ASTContext &Ctx = *Result.Context;
  if (const auto *Push = Result.Nodes.getNodeAs<CXXMemberCallExpr>("push")) {
    if (const ValueDecl *Queue =
            analysis::storageOf(Push->getImplicitObjectArgument())) {
      indexUnit(Ctx);
      reportBlockedPush(Push, Scope->Fn, Queue, Ctx);
    }
    return;
  }
  const auto *Wake = Result.Nodes.getNodeAs<CXXMemberCallExpr>("notify");
  const ValueDecl *Cv =
      Wake ? analysis::storageOf(Wake->getImplicitObjectArgument()) : nullptr;
  if (!Cv)
    return;
  indexUnit(Ctx);
  reportStrandedWaits(Scope->Fn, Cv, Ctx);
  reportPushAfterStop(Scope->Fn, Cv, Ctx);
}

namespace {

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
stopFlagsOf(const Writes &StopWrites,
            llvm::ArrayRef<model::ConditionWait> Consumers,
            const StrandedProducerCheck::CallIndex &Index) {
  llvm::SmallPtrSet<const FunctionDecl *, 4> ConsumerFns;
  for (const model::ConditionWait &Wait : Consumers)
    ConsumerFns.insert(Index.functionOf(Wait.Call));
  llvm::SmallVector<StopFlag, 1> Flags;
  for (const FlagWrite &W : StopWrites.Flags) {
    if (llvm::any_of(Index.setsOf(W.Flag), [&](const FlagSet &Set) {
          return ConsumerFns.contains(Set.Fn);
        }))
      continue;
    for (const model::ConditionWait &Wait : Consumers)
      if (const Expr *Read = readOf(Wait.Checked, W.Flag);
          Read && !Wait.Timed) {
        Flags.push_back({W, Read});
        break;
      }
  }
  return Flags;
}

/// What the diagnostics call a function: its name, or "the stop path" for
/// a lambda.
void streamFunction(const DiagnosticBuilder &Diag, const FunctionDecl *Fn) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
      Method && Method->getParent()->isLambda())
    Diag << "the stop path";
  else
    Diag << Fn;
}

/// True if `S` leaves the function: a `return` or a `throw`, alone or in
/// the block it heads.
bool exits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(Block->body(), [](const Stmt *Item) {
      return isa<ReturnStmt>(Item) ||
             (isa<Expr>(Item) &&
              isa<CXXThrowExpr>(cast<Expr>(Item)->IgnoreParenImpCasts()));
    });
  return false;
}

/// A scoped lock in effect at a statement: the lock variable and the mutex
/// it holds.
struct HeldLock {
  const VarDecl *Lock = nullptr;
  const ValueDecl *Mutex = nullptr;
};

/// The mutexes a local variable locks for its scope: a standard scoped
/// lock, or a project's guard constructed from a project mutex.
llvm::SmallVector<const ValueDecl *, 2>
lockedForScope(const VarDecl *Var, const model::SyncTypes &Sync) {
  if (!Var->getInit() || Var->getType()->isReferenceType())
    return {};
  llvm::SmallVector<const ValueDecl *, 2> Mutexes =
      model::mutexesLockedBy(model::lockConstruction(Var->getInit()));
  if (model::isScopedLockType(model::getRecord(Var->getType())))
    return Mutexes;
  llvm::erase_if(
      Mutexes, [&](const ValueDecl *M) { return !Sync.isMutex(M->getType()); });
  return Mutexes;
}

/// The scoped locks in effect at `S` in `Body`: those declared before it in
/// the blocks around it.
llvm::SmallVector<HeldLock, 2> scopedLocksAt(const Stmt *S, const Stmt *Body,
                                             const model::SyncTypes &Sync,
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

/// True if `Fn` locks or unlocks `Mutex` by hand somewhere: the locks in
/// effect at a statement are then not known from its blocks alone.
bool locksByHand(const FunctionDecl *Fn, const ValueDecl *Mutex) {
  bool Found = false;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (Method && Method->getIdentifier() &&
        (model::isLockMethodName(Method->getName()) ||
         model::isUnlockMethodName(Method->getName())) &&
        analysis::storageOf(Call->getImplicitObjectArgument()) == Mutex)
      Found = true;
  });
  return Found;
}

/// A push into a container the consumers check.
struct Push {
  const CallExpr *Call = nullptr;
  const ValueDecl *Queue = nullptr;
};

llvm::SmallVector<Push, 1>
pushesOf(const FunctionDecl *Fn,
         llvm::ArrayRef<model::ConditionWait> Consumers) {
  llvm::SmallVector<Push, 1> Pushes;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    std::optional<MemberCall> Member = Call ? memberCallOf(Call) : std::nullopt;
    if (!Member || !isPushName(Member->Name))
      return;
    const ValueDecl *Queue = analysis::storageOf(Member->Object);
    if (Queue && llvm::any_of(Consumers, [&](const model::ConditionWait &W) {
          return readOf(W.Checked, Queue) != nullptr;
        }))
      Pushes.push_back({Call, Queue});
  });
  return Pushes;
}

/// The early exits of `Fn` on `Flag`: `if (stop) throw ...;`.
llvm::SmallVector<const IfStmt *, 1> guardsOn(const FunctionDecl *Fn,
                                              const ValueDecl *Flag) {
  llvm::SmallVector<const IfStmt *, 1> Guards;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || !If->getCond() || !exits(If->getThen()))
      return;
    analysis::Reads Reads;
    analysis::collectReads(If->getCond(), nullptr, Reads,
                           /*FollowMemberCalls=*/false);
    if (readOf(Reads, Flag))
      Guards.push_back(If);
  });
  return Guards;
}

/// The consumers' notification that wakes `Wait`, if `Wait` is a
/// producer's wait for room that `Stop` strands: only the consumers notify
/// its condition variable, and it neither re-checks anything `Stop` writes
/// nor is woken by `Stop`. Null otherwise.
const CvCall *
strandedBy(const model::ConditionWait &Wait, const FunctionDecl *Stop,
           const Writes &StopWrites,
           const llvm::SmallPtrSetImpl<const FunctionDecl *> &ConsumerFns,
           const StrandedProducerCheck::CallIndex &Notifies) {
  if (Wait.Timed || Wait.Checked.empty())
    return nullptr;
  const FunctionDecl *Producer = Notifies.functionOf(Wait.Call);
  if (!Producer || Producer == Stop || ConsumerFns.contains(Producer))
    return nullptr;
  const CvCall *Room = nullptr;
  for (const CvCall &N : Notifies.notifiesOf(Wait.Cv)) {
    if (!ConsumerFns.contains(N.Fn))
      return nullptr;
    Room = &N;
  }
  if (!Room || Notifies.notifies(Stop, Wait.Cv) ||
      llvm::any_of(Wait.Checked, [&](const auto &Read) {
        return StopWrites.All.contains(Read.first);
      }))
    return nullptr;
  return Room;
}

} // namespace

void StrandedProducerCheck::reportStrandedWaits(const FunctionDecl *Stop,
                                                const ValueDecl *Cv,
                                                ASTContext &Ctx) {
  const auto *ConsumerWaits = Waits->waitsOn(Cv);
  if (!ConsumerWaits)
    return;
  Writes StopWrites = writesOf(Stop, Ctx);
  if (StopWrites.Errors)
    return;
  llvm::SmallVector<StopFlag, 1> Flags =
      stopFlagsOf(StopWrites, *ConsumerWaits, *Notifies);
  if (Flags.empty())
    return;
  const StopFlag &Flag = Flags.front();
  // The functions the consumers wait in.
  llvm::SmallPtrSet<const FunctionDecl *, 4> ConsumerFns;
  for (const model::ConditionWait &Wait : *ConsumerWaits)
    if (const FunctionDecl *Fn = Notifies->functionOf(Wait.Call))
      ConsumerFns.insert(Fn);
  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &Entry : Waits->all()) {
    if (Entry.first == Cv)
      continue;
    for (const model::ConditionWait &Wait : Entry.second) {
      const CvCall *Room =
          strandedBy(Wait, Stop, StopWrites, ConsumerFns, *Notifies);
      if (!Room || !claim(Wait.Call->getBeginLoc(), SM))
        continue;
      {
        auto Warning = diag(Wait.Call->getBeginLoc(),
                            "this wait on %0 for room in the queue can block "
                            "forever: %1 lets the consumers exit, and the "
                            "wait neither checks %2 nor is woken by %1");
        Warning << Wait.Cv;
        streamFunction(Warning, Stop);
        Warning << Flag.Set.Flag;
      }
      diag(Flag.CheckedAt->getExprLoc(), "the consumers check %0 here and exit",
           DiagnosticIDs::Note)
          << Flag.Set.Flag;
      diag(Room->Call->getExprLoc(),
           "only the consumers make room: they notify %0 here",
           DiagnosticIDs::Note)
          << Wait.Cv;
      auto Set = diag(Flag.Set.Write->getExprLoc(),
                      "%0 sets %1 here and wakes the consumers; check %1 in "
                      "the wait's condition, or notify %2 after setting it",
                      DiagnosticIDs::Note);
      streamFunction(Set, Stop);
      Set << Flag.Set.Flag << Wait.Cv;
    }
  }
}

void StrandedProducerCheck::reportPushAfterStop(const FunctionDecl *Producer,
                                                const ValueDecl *Cv,
                                                ASTContext &Ctx) {
  const auto *ConsumerWaits = Waits->waitsOn(Cv);
  if (!ConsumerWaits)
    return;
  llvm::ArrayRef<model::ConditionWait> Consumers = *ConsumerWaits;
  llvm::SmallVector<Push, 1> Pushes = pushesOf(Producer, Consumers);
  if (Pushes.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Body = Producer->getBody();
  auto Report = [&](const Push &P, const HeldLock &Lock, const IfStmt *Guard,
                    const StopFlag &Flag, const FunctionDecl *Stop) {
    diag(P.Call->getBeginLoc(),
         "work pushed to %0 after its consumers have exited is never taken: "
         "%1 is checked without holding %2, the lock that guards the push")
        << P.Queue << Flag.Set.Flag << Lock.Mutex;
    diag(Guard->getCond()->getExprLoc(),
         "%0 is checked here; check it after taking the lock, in the same "
         "critical section as the push",
         DiagnosticIDs::Note)
        << Flag.Set.Flag;
    {
      auto Set =
          diag(Flag.Set.Write->getExprLoc(),
               "%0 sets %1 here and wakes the consumers", DiagnosticIDs::Note);
      streamFunction(Set, Stop);
      Set << Flag.Set.Flag;
    }
    diag(Flag.CheckedAt->getExprLoc(), "the consumers check %0 here and exit",
         DiagnosticIDs::Note)
        << Flag.Set.Flag;
  };
  // The stop paths: other functions that wake the consumers after setting
  // a flag they exit on.
  for (const CvCall &Wake : Notifies->notifiesOf(Cv)) {
    if (!Wake.Fn || Wake.Fn == Producer || !Wake.Fn->getBody())
      continue;
    Writes StopWrites = writesOf(Wake.Fn, Ctx);
    if (StopWrites.Errors)
      continue;
    for (const StopFlag &Flag : stopFlagsOf(StopWrites, Consumers, *Notifies))
      for (const IfStmt *Guard : guardsOn(Producer, Flag.Set.Flag))
        for (const Push &P : Pushes) {
          if (!SM.isBeforeInTranslationUnit(Guard->getBeginLoc(),
                                            P.Call->getBeginLoc()))
            continue;
          llvm::SmallVector<HeldLock, 2> AtPush =
              scopedLocksAt(P.Call, Body, Sync, Ctx);
          llvm::SmallVector<HeldLock, 2> AtGuard =
              scopedLocksAt(Guard, Body, Sync, Ctx);
          for (const HeldLock &Lock : AtPush) {
            if (locksByHand(Producer, Lock.Mutex) ||
                llvm::any_of(AtGuard, [&](const HeldLock &G) {
                  return G.Lock == Lock.Lock;
                }))
              continue;
            if (claim(P.Call->getBeginLoc(), SM))
              Report(P, Lock, Guard, Flag, Wake.Fn);
            break;
          }
        }
  }
}

void StrandedProducerCheck::reportBlockedPush(const CallExpr *Push,
                                              const FunctionDecl *Producer,
                                              const ValueDecl *Queue,
                                              ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const QueueCall &Take : Notifies->callsOn(Queue)) {
    // A consumer: takes from the queue in a loop that checks a flag.
    if (!isPopName(Take.Name) || Take.Fn == Producer)
      continue;
    for (const Expr *Loop : Take.Loops) {
      analysis::Reads Checked;
      analysis::collectReads(Loop, nullptr, Checked,
                             /*FollowMemberCalls=*/true);
      for (const auto &[Flag, CheckedAt] : Checked) {
        if (!isFlagType(Flag->getType()))
          continue;
        // A stop path: sets the flag and leaves the queue as it is.
        for (const FlagSet &Set : Notifies->setsOf(Flag)) {
          if (!Set.Fn || Set.Fn == Producer || Set.Fn == Take.Fn ||
              !Set.Fn->getBody() || Notifies->uses(Set.Fn, Queue) ||
              !claim(Push->getBeginLoc(), SM))
            continue;
          {
            auto Warning =
                diag(Push->getBeginLoc(),
                     "this push into %0 can block forever: %1 lets the "
                     "consumers exit, and nothing takes from or closes the "
                     "full queue after that");
            Warning << Queue;
            streamFunction(Warning, Set.Fn);
          }
          diag(CheckedAt->getExprLoc(), "the consumers check %0 here and exit",
               DiagnosticIDs::Note)
              << Flag;
          {
            auto Note = diag(Set.Write->getExprLoc(),
                             "%0 sets %1 here without closing %2; close the "
                             "queue there, or push with a timeout",
                             DiagnosticIDs::Note);
            streamFunction(Note, Set.Fn);
            Note << Flag << Queue;
          }
          return;
        }
      }
    }
  }
}

} // namespace clang::tidy::tether
