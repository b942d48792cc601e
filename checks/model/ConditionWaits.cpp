//===--- ConditionWaits.cpp - tether clang-tidy ---------------------------===//

#include "ConditionWaits.h"
#include "ApiModel.h"
#include "Locks.h"
#include "analysis/ParentIndex.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::tether::model {

bool SyncTypes::isConditionVariable(const CXXRecordDecl *Class) const {
  if (!Class || !Class->getIdentifier())
    return false;
  if (isInStd(Class))
    return Class->getName() == "condition_variable" ||
           Class->getName() == "condition_variable_any";
  return ConditionVariableTypes.contains(Class);
}

bool SyncTypes::isMutex(QualType Type) const {
  const CXXRecordDecl *Class = getRecord(Type);
  if (!Class || !Class->getIdentifier())
    return false;
  if (isInStd(Class))
    return llvm::StringSwitch<bool>(Class->getName())
        .Cases("mutex", "timed_mutex", "recursive_mutex",
               "recursive_timed_mutex", "shared_mutex", "shared_timed_mutex",
               true)
        .Default(false);
  return MutexTypes.contains(Class);
}

bool isWaitName(llvm::StringRef Name, bool &Timed) {
  std::string Lower = Name.lower();
  Timed = llvm::StringSwitch<bool>(Lower)
              .Cases("wait_for", "wait_until", "timedwait", "waitfor",
                     "waituntil", "waitforseconds", true)
              .Default(false);
  return Timed || Lower == "wait";
}

bool isNotifyName(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name.lower())
      .Cases("notify_one", "notify_all", "notifyone", "notifyall", "notify",
             "signal", "signalall", "broadcast", true)
      .Default(false);
}

namespace {

/// What a predicate reads: a lambda, or a local variable holding one.
void readsOfPredicate(const Expr *Pred, analysis::Reads &Out) {
  for (unsigned Depth = 0; Pred && Depth < 8; ++Depth) {
    Pred = Pred->IgnoreImplicit();
    if (const auto *Lambda = dyn_cast<LambdaExpr>(Pred)) {
      analysis::collectReads(Lambda->getBody(), Lambda->getCallOperator(), Out,
                             /*FollowMemberCalls=*/true);
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Pred)) {
      Pred = Construct->getNumArgs() == 1 ? Construct->getArg(0) : nullptr;
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Pred)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      Pred = Var && Var->isLocalVarDecl() ? Var->getInit() : nullptr;
      continue;
    }
    return;
  }
}

} // namespace

class ConditionWaitIndex::Builder : public RecursiveASTVisitor<Builder> {
public:
  using Base = RecursiveASTVisitor<Builder>;

  Builder(const SyncTypes &Types, ASTContext &Ctx, ConditionWaitIndex &Index)
      : Types(Types), SM(Ctx.getSourceManager()), Index(Index) {}

  // The code as written: template patterns, not instantiations.
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    // A function nested in another (a local class's method) is its own;
    // a lambda's call operator belongs to the function around it.
    const auto *Fn = dyn_cast_or_null<FunctionDecl>(D);
    const FunctionDecl *Outer = Function;
    Function = Fn ? analysis::outermostFunction(Fn) : Function;
    bool Result = Base::TraverseDecl(D);
    Function = Outer;
    return Result;
  }
  bool TraverseWhileStmt(WhileStmt *S) {
    return inLoop(S, S->getCond(), [&] { return Base::TraverseWhileStmt(S); });
  }
  bool TraverseDoStmt(DoStmt *S) {
    return inLoop(S, S->getCond(), [&] { return Base::TraverseDoStmt(S); });
  }
  bool TraverseForStmt(ForStmt *S) {
    return inLoop(S, S->getCond(), [&] { return Base::TraverseForStmt(S); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    return inLoop(S, nullptr, [&] { return Base::TraverseCXXForRangeStmt(S); });
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    // A lambda's body is another function: the loops around it are not its.
    auto Saved = std::move(Loops);
    Loops.clear();
    bool Result = Base::TraverseLambdaExpr(L);
    Loops = std::move(Saved);
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (Call->containsErrors())
      return true;
    ConditionWait W;
    const Expr *Object = waitObject(Call, W.Timed);
    if (!Object)
      return true;
    W.Cv = analysis::storageOf(Object);
    if (!W.Cv)
      return true;
    W.Call = Call;
    W.Fn = Function;
    if (Call->getNumArgs() > 0)
      W.Mutex = mutexOf(Call->getArg(0));
    if (!Loops.empty())
      W.Loop = Loops.back().first;
    // The predicate is the last argument of `wait(lock, pred)` and of
    // `wait_for(lock, duration, pred)`.
    unsigned PredicateArgs = W.Timed ? 3 : 2;
    if (Call->getNumArgs() >= PredicateArgs)
      readsOfPredicate(Call->getArg(Call->getNumArgs() - 1), W.Checked);
    else if (!Loops.empty() && Loops.back().second)
      analysis::collectReads(Loops.back().second, nullptr, W.Checked,
                             /*FollowMemberCalls=*/true);
    Index.ByCv[W.Cv].push_back(std::move(W));
    return true;
  }

private:
  template <class F>
  bool inLoop(const Stmt *Loop, const Expr *Cond, F &&Traverse) {
    Loops.push_back({Loop, Cond});
    bool Result = Traverse();
    Loops.pop_back();
    return Result;
  }

  /// The condition variable `Call` waits on, if it is a wait.
  const Expr *waitObject(const CallExpr *Call, bool &Timed) const {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (!Method || !Method->getIdentifier() ||
          !isWaitName(Method->getName(), Timed) ||
          !Types.isConditionVariable(Method->getParent()))
        return nullptr;
      return Member->getImplicitObjectArgument();
    }
    // In a template, a wait whose predicate is a lambda stays unresolved.
    const auto *Unresolved =
        dyn_cast<UnresolvedMemberExpr>(Call->getCallee()->IgnoreParens());
    if (!Unresolved || Unresolved->isImplicitAccess() ||
        !isWaitName(Unresolved->getMemberName().getAsString(), Timed) ||
        !Types.isConditionVariable(getRecord(Unresolved->getBaseType())))
      return nullptr;
    return Unresolved->getBase();
  }

  /// The mutex a wait's lock argument holds: the mutex its lock variable
  /// was constructed from, or the mutex itself (`condition_variable_any`).
  const ValueDecl *mutexOf(const Expr *LockArg) const {
    const ValueDecl *Lock = analysis::storageOf(LockArg);
    if (!Lock)
      return nullptr;
    if (Types.isMutex(Lock->getType()))
      return Lock;
    const auto *Var = dyn_cast<VarDecl>(Lock);
    if (!Var || !Var->getAnyInitializer())
      return nullptr;
    llvm::SmallVector<const ValueDecl *, 2> Mutexes =
        mutexesLockedBy(lockConstruction(Var->getAnyInitializer()));
    return Mutexes.size() == 1 ? Mutexes.front() : nullptr;
  }

  const SyncTypes &Types;
  const SourceManager &SM;
  ConditionWaitIndex &Index;
  /// The function whose code is visited; a lambda's body belongs to it.
  const FunctionDecl *Function = nullptr;
  /// The loops around the node visited and their conditions (null for a
  /// range-for), innermost last.
  llvm::SmallVector<std::pair<const Stmt *, const Expr *>, 4> Loops;
};

ConditionWaitIndex::ConditionWaitIndex(const SyncTypes &Types,
                                       ASTContext &Ctx) {
  Builder(Types, Ctx, *this).TraverseDecl(Ctx.getTranslationUnitDecl());
}

ConditionWaitIndex::~ConditionWaitIndex() = default;

namespace {
/// The indexes of the unit being checked, by the options they were built
/// with: two checks with the same options share one walk of the unit.
struct UnitIndexes {
  const ASTContext *Ctx = nullptr;
  llvm::StringMap<std::unique_ptr<ConditionWaitIndex>> ByOptions;
};
thread_local UnitIndexes Current;
} // namespace

const ConditionWaitIndex &ConditionWaitIndex::of(const SyncTypes &Types,
                                                 ASTContext &Ctx) {
  if (Current.Ctx != &Ctx) {
    Current = UnitIndexes();
    Current.Ctx = &Ctx;
  }
  std::string Key =
      Types.ConditionVariableTypes.raw() + "\n" + Types.MutexTypes.raw();
  std::unique_ptr<ConditionWaitIndex> &Index = Current.ByOptions[Key];
  if (!Index)
    Index.reset(new ConditionWaitIndex(Types, Ctx));
  return *Index;
}

void ConditionWaitIndex::forget() { Current = UnitIndexes(); }

const llvm::SmallVector<ConditionWait, 1> *
ConditionWaitIndex::waitsOn(const ValueDecl *Cv) const {
  auto It = ByCv.find(Cv);
  return It == ByCv.end() ? nullptr : &It->second;
}

} // namespace clang::tidy::tether::model
