//===--- LostWakeupCheck.cpp - tether clang-tidy --------------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// A notification (`cv.notify_one()`, `cv.notify_all()`) is checked against
// the waits on the same condition variable (the same member, global or local
// declaration) in the translation unit (model/ConditionWaits.h). The state a
// waiter checks is what its predicate reads (`cv.wait(lock, pred)`) or the
// condition of the loop the wait sits in (`while (!ready) cv.wait(lock);`); the
// mutex it waits with is the one its lock was constructed from. Walking the
// notifying function from its start to the notification, along the statements
// that lead to it (one branch of an `if` that holds it, not the other), the
// check records the writes of variables and the locks taken (scoped locks while
// their scope is alive, `m.lock()` until `m.unlock()`, and the same in a member
// function of the same class that is called on the way). A write of a variable
// a waiter reads is reported when it does not hold the waiter's mutex, no lock
// of that mutex is taken after it before the notification, and no other write
// of the variable on the way holds it. Timed waits (`wait_for`, `wait_until`)
// wake up by themselves and are not considered. A `std::condition_variable`
// member with no wait in the unit (its waiter is in another file) is judged
// without its waits: an atomic member of the same object written on a way to
// the notification that takes no lock at all (findUnwatchedAtomicWrite).
//
//===----------------------------------------------------------------------===//

#include "LostWakeupCheck.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "model/Locks.h"
#include "model/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

namespace {

/// True if `Name` is a member function that changes its object: the
/// operations of `std::atomic` and of the standard containers.
bool isModifyingMethodName(StringRef Name) {
  return Name.starts_with("fetch_") || Name.starts_with("compare_exchange") ||
         Name.starts_with("push") || Name.starts_with("emplace") ||
         Name.starts_with("pop") || Name.starts_with("insert") ||
         llvm::StringSwitch<bool>(Name)
             .Cases("store", "exchange", "erase", "clear", "swap", "assign",
                    "resize", "reset", "set", "test_and_set", true)
             .Default(false);
}

/// A write, read, lock or unlock on the way from a function's (or a loop
/// body's) start to a notification (or a wait).
struct Event {
  enum Kind { Write, Read, Lock, Unlock } K = Write;
  const ValueDecl *D = nullptr;
  const Expr *E = nullptr;
  /// In a member function called on the way (not reported there).
  bool InHelper = false;
  /// Where the event happens in the walked code: `E`, or the call of the
  /// member function it happens in.
  const Expr *Site = nullptr;
  /// The mutexes held at a write.
  llvm::SmallVector<const ValueDecl *, 2> Held;
  /// What a write writes (`a->pulling` of `--a->pulling`).
  const Expr *Written = nullptr;
};

/// Walks a function (or a loop body) from its start to a target statement
/// (a notification, a wait), recording the writes, reads, locks and unlocks
/// on the way (see the file comment).
class PathWalker {
public:
  PathWalker(const Stmt *Target, const Stmt *Body, const CXXRecordDecl *Owner,
             ASTContext &Ctx)
      : Target(Target), Owner(Owner) {
    for (const Stmt *S : analysis::ancestorsBelow(Target, Body, Ctx))
      OnPath.insert(S);
    OnPath.insert(Body);
  }

  /// `Lock`, declared before the walked code, holds `Mutex`.
  void knowLock(const ValueDecl *Lock, const ValueDecl *Mutex) {
    LockOf[Lock] = Mutex;
  }

  void walk(const Stmt *S) {
    if (!S || Done)
      return;
    if (S == Target) {
      Done = true;
      return;
    }
    // A lambda's body runs elsewhere, later.
    if (isa<LambdaExpr>(S))
      return;
    if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors())
      Errors = true;
    if (OnPath.contains(S)) {
      // Only the branch that leads to the notification.
      if (const auto *If = dyn_cast<IfStmt>(S)) {
        walk(If->getInit());
        walk(If->getConditionVariableDeclStmt());
        walk(If->getCond());
        walk(OnPath.contains(If->getThen()) || If->getThen() == Target
                 ? If->getThen()
                 : If->getElse());
        return;
      }
      if (const auto *Cond = dyn_cast<ConditionalOperator>(S)) {
        walk(Cond->getCond());
        walk(OnPath.contains(Cond->getTrueExpr()) ||
                     Cond->getTrueExpr() == Target
                 ? Cond->getTrueExpr()
                 : Cond->getFalseExpr());
        return;
      }
    }
    if (const auto *Compound = dyn_cast<CompoundStmt>(S)) {
      Scopes.emplace_back();
      for (const Stmt *Child : Compound->body())
        walk(Child);
      if (!Done)
        leaveScope();
      return;
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          if (Var->isInvalidDecl())
            Errors = true;
          walk(Var->getInit());
          declared(Var);
        }
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child);
    if (!Done)
      classify(S);
  }

  /// The events on the way, in order.
  llvm::SmallVector<Event, 8> Events;
  bool Errors = false;

private:
  /// A local variable constructed from a mutex: a scoped lock of it, held
  /// until the end of its block.
  void declared(const VarDecl *Var) {
    if (!Var->getInit() || Var->getType()->isReferenceType())
      return;
    const CXXConstructExpr *Construct = model::lockConstruction(Var->getInit());
    if (!Construct)
      return;
    llvm::SmallVector<const ValueDecl *, 2> Mutexes =
        model::mutexesLockedBy(Construct);
    if (Mutexes.empty()) {
      // `std::unique_lock lock(m, std::defer_lock)`: its lock() locks m.
      if (!Construct->arguments().empty())
        if (const ValueDecl *D =
                analysis::storageOf(*Construct->arguments().begin()))
          LockOf[Var->getCanonicalDecl()] = D;
      return;
    }
    LockOf[Var->getCanonicalDecl()] = Mutexes.front();
    for (const ValueDecl *M : Mutexes) {
      lock(M, Construct);
      if (!Scopes.empty())
        Scopes.back().push_back(M);
    }
  }

  void leaveScope() {
    if (Scopes.empty())
      return;
    for (const ValueDecl *M : Scopes.back())
      unlock(M);
    Scopes.pop_back();
  }

  Event &record(Event::Kind K, const ValueDecl *D, const Expr *E) {
    Event Ev;
    Ev.K = K;
    Ev.D = D;
    Ev.E = E;
    Ev.InHelper = HelperDepth > 0;
    Ev.Site = HelperDepth > 0 ? HelperCall : E;
    Events.push_back(std::move(Ev));
    return Events.back();
  }

  void lock(const ValueDecl *M, const Expr *E) {
    ++Held[M];
    record(Event::Lock, M, E);
  }

  /// `E` unlocks `M`; a scope's end (null `E`) is not an event.
  void unlock(const ValueDecl *M, const Expr *E = nullptr) {
    auto It = Held.find(M);
    if (It != Held.end() && It->second > 0)
      --It->second;
    if (E)
      record(Event::Unlock, M, E);
  }

  void write(const Expr *Written, const Expr *E) {
    const ValueDecl *D = analysis::storageOf(Written);
    if (!D)
      return;
    Event &Ev = record(Event::Write, D, E);
    Ev.Written = Written;
    for (const auto &[M, Count] : Held)
      if (Count > 0)
        Ev.Held.push_back(M);
  }

  /// The mutex `Object.lock()` locks: a lock variable's, or the object's.
  const ValueDecl *mutexOfObject(const Expr *Object) const {
    const ValueDecl *D = analysis::storageOf(Object);
    auto It = LockOf.find(D);
    return It == LockOf.end() ? D : It->second;
  }

  void classify(const Stmt *S) {
    if (isa<DeclRefExpr, MemberExpr>(S)) {
      if (const ValueDecl *D = analysis::storageOf(cast<Expr>(S)))
        record(Event::Read, D, cast<Expr>(S));
      return;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(S)) {
      if (Binary->isAssignmentOp())
        write(Binary->getLHS(), Binary);
      return;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (Unary->isIncrementDecrementOp())
        write(Unary->getSubExpr(), Unary);
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      OverloadedOperatorKind Kind = Op->getOperator();
      if ((Op->isAssignmentOp() || Kind == OO_PlusPlus ||
           Kind == OO_MinusMinus) &&
          Op->getNumArgs() > 0)
        write(Op->getArg(0), Op);
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      // A temporary lock: `std::lock_guard<std::mutex>{m};`.
      if (model::isScopedLockType(Construct->getConstructor()->getParent()))
        for (const ValueDecl *M : model::mutexesLockedBy(Construct))
          lock(M, Construct);
      return;
    }
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier())
      return;
    StringRef Name = Method->getName();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (model::isLockMethodName(Name)) {
      if (const ValueDecl *M = mutexOfObject(Object))
        lock(M, Call);
      return;
    }
    if (model::isUnlockMethodName(Name)) {
      if (const ValueDecl *M = mutexOfObject(Object))
        unlock(M, Call);
      return;
    }
    if (!Method->isConst() && !Method->isStatic() &&
        isModifyingMethodName(Name)) {
      write(Object, Call);
      return;
    }
    followHelper(Call, Method);
  }

  /// A member function of the same class, called on the way: its locks and
  /// writes count (one level deep), and so do those of the locks passed to
  /// it (`send(lock)` that unlocks and relocks `lock`).
  void followHelper(const CXXMemberCallExpr *Call,
                    const CXXMethodDecl *Method) {
    const FunctionDecl *Def = nullptr;
    if (HelperDepth > 0 || !Owner || Method->getParent() != Owner ||
        !Method->hasBody(Def) || !Def->getBody())
      return;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Def->getNumParams();
         ++I) {
      auto Lock = LockOf.find(analysis::storageOf(Call->getArg(I)));
      if (Lock != LockOf.end())
        LockOf[Def->getParamDecl(I)->getCanonicalDecl()] = Lock->second;
    }
    ++HelperDepth;
    HelperCall = Call;
    // The helper's own blocks: its scoped locks end with it.
    auto SavedPath = std::move(OnPath);
    OnPath.clear();
    walk(Def->getBody());
    OnPath = std::move(SavedPath);
    --HelperDepth;
  }

  const Stmt *Target;
  const CXXRecordDecl *Owner;
  /// The call of the member function being walked, if any.
  const Expr *HelperCall = nullptr;
  llvm::SmallPtrSet<const Stmt *, 16> OnPath;
  bool Done = false;
  unsigned HelperDepth = 0;
  /// Mutexes held, with how often; scoped locks by block.
  llvm::DenseMap<const ValueDecl *, unsigned> Held;
  llvm::SmallVector<llvm::SmallVector<const ValueDecl *, 1>, 8> Scopes;
  /// Lock variables and the mutex each was constructed from.
  llvm::DenseMap<const ValueDecl *, const ValueDecl *> LockOf;
};

bool holds(const Event &E, const ValueDecl *M) {
  return llvm::is_contained(E.Held, M);
}

/// A write of state a waiter checks, made without the waiter's mutex.
struct UnlockedWrite {
  const Event *Write = nullptr;
  const ValueDecl *Mutex = nullptr;
  /// Where the waiter reads the state.
  const Expr *Read = nullptr;
};

/// The writes of `Events` (a walk to a notification) that the waits on the
/// notified condition variable check, made without the waiter's mutex: not
/// under it, it is not taken after the write before the notification, and
/// no other write of the state on the way holds it.
llvm::SmallVector<UnlockedWrite, 1>
findUnlockedWrites(llvm::ArrayRef<Event> Events,
                   llvm::ArrayRef<model::ConditionWait> Waits) {
  llvm::SmallVector<UnlockedWrite, 1> Found;
  for (size_t I = 0; I < Events.size(); ++I) {
    const Event &W = Events[I];
    if (W.K != Event::Write || W.InHelper)
      continue;
    for (const model::ConditionWait &Wait : Waits) {
      // A timed wait wakes up by itself; an unknown mutex cannot be held.
      if (Wait.Timed || !Wait.Mutex)
        continue;
      const auto *Read = llvm::find_if(
          Wait.Checked, [&](const auto &R) { return R.first == W.D; });
      if (Read == Wait.Checked.end())
        continue;
      const ValueDecl *M = Wait.Mutex;
      if (holds(W, M) ||
          llvm::any_of(
              llvm::drop_begin(Events, I + 1),
              [&](const Event &E) { return E.K == Event::Lock && E.D == M; }) ||
          llvm::any_of(Events, [&](const Event &E) {
            return E.K == Event::Write && E.D == W.D && holds(E, M);
          }))
        continue;
      Found.push_back({&W, M, Read->second});
      break;
    }
  }
  return Found;
}

/// True if `Events` (a walk to a notification) write state `Wait` checks.
bool writesChecked(llvm::ArrayRef<Event> Events,
                   const model::ConditionWait &Wait) {
  return llvm::any_of(Events, [&](const Event &E) {
    return E.K == Event::Write &&
           llvm::any_of(Wait.Checked,
                        [&](const auto &R) { return R.first == E.D; });
  });
}

/// True for `std::condition_variable`, whose waits take a
/// `std::unique_lock<std::mutex>`: its waiters hold a mutex while they check.
bool isStdConditionVariable(QualType Type) {
  const CXXRecordDecl *Class = model::getRecord(Type);
  return Class && Class->getIdentifier() && model::isInStd(Class) &&
         Class->getName() == "condition_variable";
}

/// The mutex members of `Class`.
llvm::SmallVector<const FieldDecl *, 1>
mutexMembers(const RecordDecl *Class, const model::SyncTypes &Sync) {
  llvm::SmallVector<const FieldDecl *, 1> Mutexes;
  for (const FieldDecl *Field : Class->fields())
    if (Sync.isMutex(Field->getType()))
      Mutexes.push_back(Field);
  return Mutexes;
}

/// With no wait on the notified condition variable in the unit, the mutex
/// its waiters hold is unknown; the write reported is one that holds no
/// lock at all: an atomic member of the object whose `std::condition_variable`
/// member `Notify` notifies, a class that also has a mutex, on a way to the
/// notification (`Events`) that takes no lock of any mutex (which could be
/// the waiters' own, the empty critical section of the usual fix). The write
/// being atomic is what rules out a lock held by the caller: a plain member
/// written without a visible lock is most often written under one.
const Event *findUnwatchedAtomicWrite(llvm::ArrayRef<Event> Events,
                                      const CXXMemberCallExpr *Notify,
                                      const FieldDecl *Cv,
                                      const FunctionDecl *Fn,
                                      const model::SyncTypes &Sync) {
  if (!isStdConditionVariable(Cv->getType()) ||
      mutexMembers(Cv->getParent(), Sync).empty())
    return nullptr;
  const Decl *Object = analysis::objectOf(Notify->getImplicitObjectArgument());
  // A constructor's own object is not shared with a waiter yet.
  if (!Object || (isa<CXXConstructorDecl>(Fn) && isa<CXXRecordDecl>(Object)) ||
      llvm::any_of(Events, [](const Event &E) { return E.K == Event::Lock; }))
    return nullptr;
  for (const Event &W : Events) {
    const auto *State = dyn_cast_or_null<FieldDecl>(W.D);
    if (W.K == Event::Write && !W.InHelper && State &&
        State->getParent() == Cv->getParent() &&
        model::isAtomicType(State->getType()) &&
        analysis::objectOf(W.Written) == Object)
      return &W;
  }
  return nullptr;
}

} // namespace

/// A state the waiter checks that goes stale: its lock is released at
/// `Release` after it checked `State` at `Check`, and not checked again.
struct StaleCheck {
  const ValueDecl *State = nullptr;
  const Expr *Check = nullptr;
  const Expr *Release = nullptr;
};

namespace {

/// A wait in a loop that checks its state only in the loop's condition,
/// `while (!stopped) { ...; send(lock); ...; cv.wait(lock); }`, whose lock
/// is released on the way from that check to the wait (`lock.unlock()`, or
/// a member function given the lock that unlocks it) and taken again with
/// no check of the state in between.
std::optional<StaleCheck> findStaleCheck(const model::ConditionWait &Wait,
                                         const CXXRecordDecl *Owner,
                                         ASTContext &Ctx) {
  // A predicate is checked again after every wake-up; a timed wait wakes.
  if (Wait.Timed || !Wait.Mutex || !Wait.Loop || Wait.Checked.empty() ||
      Wait.Call->getNumArgs() != 1)
    return std::nullopt;
  const Stmt *Body = analysis::loopBody(Wait.Loop);
  const ValueDecl *Lock = analysis::storageOf(Wait.Call->getArg(0));
  if (!Body || !Lock)
    return std::nullopt;
  PathWalker Walker(Wait.Call, Body, Owner, Ctx);
  Walker.knowLock(Lock, Wait.Mutex);
  Walker.walk(Body);
  if (Walker.Errors)
    return std::nullopt;
  const Event *Release = nullptr;
  for (const Event &E : Walker.Events) {
    if (E.K == Event::Unlock && E.D == Wait.Mutex)
      Release = &E;
    else if (Release && E.K == Event::Read &&
             llvm::any_of(Wait.Checked,
                          [&](const auto &R) { return R.first == E.D; }))
      Release = nullptr;
  }
  if (!Release)
    return std::nullopt;
  return StaleCheck{Wait.Checked.front().first, Wait.Checked.front().second,
                    Release->Site};
}

/// True if `Fn` is called with a lock held: it takes a lock, or requires a
/// capability (clang's thread safety annotations).
bool calledLocked(const FunctionDecl *Fn) {
  if (Fn->hasAttr<RequiresCapabilityAttr>())
    return true;
  return llvm::any_of(Fn->parameters(), [](const ParmVarDecl *P) {
    return model::isScopedLockType(model::getRecord(P->getType()));
  });
}

} // namespace

LostWakeupCheck::LostWakeupCheck(StringRef Name, ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0),
      Sync{model::NameList(Options.get("ConditionVariableTypes", "")),
           model::NameList(Options.get("MutexTypes", ""))} {}

LostWakeupCheck::~LostWakeupCheck() = default;

void LostWakeupCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "ConditionVariableTypes",
                Sync.ConditionVariableTypes.raw());
  Options.store(Opts, "MutexTypes", Sync.MutexTypes.raw());
}

void LostWakeupCheck::registerCheckMatchers(MatchFinder *Finder) {
  model::addRoleMatcher<CallExpr>(
      Finder,
      {model::calleeRole("notify",
                         [this](const FunctionDecl &F) {
                           const auto *Method = dyn_cast<CXXMethodDecl>(&F);
                           if (!Method || !Method->getIdentifier())
                             return false;
                           return model::isNotifyName(Method->getName()) &&
                                  Sync.isConditionVariable(Method->getParent());
                         })},
      this);
}

void LostWakeupCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<MatchScope> Scope = scopeOf(Result);
  const auto *Notify = Result.Nodes.getNodeAs<CXXMemberCallExpr>("notify");
  if (!Scope || !Scope->Fn || !Notify || !Scope->Fn->getBody() ||
      calledLocked(Scope->Fn))
    return;
  const ValueDecl *Cv =
      analysis::storageOf(Notify->getImplicitObjectArgument());
  if (!Cv)
    return;
  ASTContext &Ctx = *Result.Context;
  const llvm::SmallVector<model::ConditionWait, 1> *CvWaits =
      model::ConditionWaitIndex::of(Sync, Ctx).waitsOn(Cv);
  const auto *CvMember = dyn_cast<FieldDecl>(Cv);
  if (!CvWaits && (!CvMember || !isStdConditionVariable(CvMember->getType())))
    return;

  const FunctionDecl *Outer = analysis::outermostFunction(Scope->Fn);
  const auto *OuterMethod = dyn_cast_or_null<CXXMethodDecl>(Outer);
  PathWalker Walker(Notify, Scope->Fn->getBody(),
                    OuterMethod ? OuterMethod->getParent() : nullptr, Ctx);
  Walker.walk(Scope->Fn->getBody());
  if (Walker.Errors)
    return;

  if (!CvWaits) {
    if (const Event *Write = findUnwatchedAtomicWrite(
            Walker.Events, Notify, CvMember, Scope->Fn, Sync))
      reportUnwatchedWrite(Write->E, Write->D, Notify, CvMember,
                           *Result.SourceManager);
    return;
  }

  for (const UnlockedWrite &Found : findUnlockedWrites(Walker.Events, *CvWaits))
    reportUnlockedWrite(Found.Write->E, Found.Write->D, Found.Mutex, Found.Read,
                        Notify, Cv, *Result.SourceManager);
  for (const model::ConditionWait &Wait : *CvWaits) {
    if (!writesChecked(Walker.Events, Wait) ||
        isClaimed(Wait.Call->getBeginLoc(), *Result.SourceManager))
      continue;
    const auto *WaitMethod = dyn_cast_or_null<CXXMethodDecl>(Wait.Fn);
    if (std::optional<StaleCheck> Stale = findStaleCheck(
            Wait, WaitMethod ? WaitMethod->getParent() : nullptr, Ctx))
      reportStaleWait(Wait, *Stale, Notify, *Result.SourceManager);
  }
}

void LostWakeupCheck::reportUnlockedWrite(const Expr *Write,
                                          const ValueDecl *State,
                                          const ValueDecl *Mutex,
                                          const Expr *Read, const Expr *Notify,
                                          const ValueDecl *Cv,
                                          const SourceManager &SM) {
  if (!claim(Write->getExprLoc(), SM))
    return;
  diag(Write->getExprLoc(),
       "%0 is written without holding %1, the mutex %2 waits with: a "
       "waiter that has checked %0 but not yet blocked misses the "
       "notification and sleeps forever")
      << State << Mutex << Cv << Write->getSourceRange();
  if (model::isAtomicType(State->getType()))
    diag(Write->getExprLoc(),
         "%0 being atomic does not help: the window is between the "
         "waiter's check and its wait, which only %1 closes",
         DiagnosticIDs::Note)
        << State << Mutex;
  diag(Read->getExprLoc(),
       "the waiter checks %0 here, holding %1, and then waits on %2",
       DiagnosticIDs::Note)
      << State << Mutex << Cv;
  diag(Notify->getExprLoc(),
       "%0 is notified here; write %1 while holding %2, or lock %2 "
       "after the write and before notifying",
       DiagnosticIDs::Note)
      << Cv << State << Mutex;
}

void LostWakeupCheck::reportUnwatchedWrite(const Expr *Write,
                                           const ValueDecl *State,
                                           const Expr *Notify,
                                           const FieldDecl *Cv,
                                           const SourceManager &SM) {
  if (!claim(Write->getExprLoc(), SM))
    return;
  diag(Write->getExprLoc(),
       "%0 is written without holding any lock and then %1 is notified: a "
       "waiter that has checked %0 but not yet blocked misses the "
       "notification and sleeps forever")
      << State << Cv << Write->getSourceRange();
  diag(Write->getExprLoc(),
       "%0 being atomic does not help: the window is between the waiter's "
       "check and its wait, which only the mutex it waits with closes",
       DiagnosticIDs::Note)
      << State;
  llvm::SmallVector<const FieldDecl *, 1> Mutexes =
      mutexMembers(Cv->getParent(), Sync);
  if (Mutexes.size() == 1)
    diag(Notify->getExprLoc(),
         "%0 is notified here and waited on in another file; write %1 while "
         "holding the mutex its waiters hold (%2, the mutex of the same "
         "object), or lock it after the write and before notifying",
         DiagnosticIDs::Note)
        << Cv << State << Mutexes.front();
  else
    diag(Notify->getExprLoc(),
         "%0 is notified here and waited on in another file; write %1 while "
         "holding the mutex its waiters hold, or lock it after the write and "
         "before notifying",
         DiagnosticIDs::Note)
        << Cv << State;
}

void LostWakeupCheck::reportStaleWait(const model::ConditionWait &Wait,
                                      const StaleCheck &Stale,
                                      const Expr *Notify,
                                      const SourceManager &SM) {
  if (!claim(Wait.Call->getBeginLoc(), SM))
    return;
  diag(Wait.Call->getBeginLoc(),
       "waits on %0 without checking %1 again after the lock on %2 was "
       "released: a notification sent while it was released is lost and "
       "this wait sleeps forever")
      << Wait.Cv << Stale.State << Wait.Mutex << Wait.Call->getSourceRange();
  diag(Stale.Check->getExprLoc(), "%0 is checked here, holding %1",
       DiagnosticIDs::Note)
      << Stale.State << Wait.Mutex;
  diag(Stale.Release->getBeginLoc(),
       "%0 is released here, on the way to the wait", DiagnosticIDs::Note)
      << Wait.Mutex;
  diag(Notify->getExprLoc(),
       "%0 is notified here after %1 changes; wait only on the path that "
       "did not release the lock, or with a predicate that checks %1",
       DiagnosticIDs::Note)
      << Wait.Cv << Stale.State;
}

} // namespace clang::tidy::tether
