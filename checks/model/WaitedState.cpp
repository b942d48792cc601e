//===--- WaitedState.cpp - tether clang-tidy ------------------------------===//

#include "WaitedState.h"
#include "ApiModel.h"
#include "ConditionWaits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::tether::model {

namespace {

bool isInSystemHeader(const Decl *D) {
  return D->getLocation().isValid() &&
         D->getASTContext().getSourceManager().isInSystemHeader(
             D->getLocation());
}

bool cannotThrow(const FunctionDecl *Fn) {
  const auto *Proto = Fn->getType()->getAs<FunctionProtoType>();
  return isa<CXXDestructorDecl>(Fn) || (Proto && Proto->isNothrow());
}

StringRef nameOf(const FunctionDecl *Fn) {
  return Fn && Fn->getIdentifier() ? Fn->getName() : StringRef();
}

/// A flag or counter: a boolean, an integer or an enumerator, or an atomic.
/// `std::latch` and the standard semaphores: a count that `wait()` or
/// `acquire()` waits for and `count_down()` or `release()` releases.
bool isCountingPrimitive(QualType T) {
  const CXXRecordDecl *Class = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || !Class->getIdentifier() || !Class->isInStdNamespace())
    return false;
  StringRef Name = Class->getName();
  return Name == "latch" || Name == "counting_semaphore" ||
         Name == "binary_semaphore";
}

bool isStateType(QualType T) {
  T = T.getNonReferenceType();
  return T->isBooleanType() || T->isIntegralOrEnumerationType() ||
         isAtomicType(T) || isCountingPrimitive(T);
}

/// The member or variable whose storage `E` names (not a parameter), if it
/// is a state.
const ValueDecl *writtenState(const Expr *E) {
  const ValueDecl *D = analysis::storageOf(E);
  if (const auto *Var = dyn_cast_or_null<VarDecl>(D);
      Var && (isa<ParmVarDecl>(Var) || Var->isConstexpr()))
    return nullptr;
  return D && isStateType(D->getType()) ? D : nullptr;
}

/// The state `E` reads: a member or variable, its atomic `load()` or
/// conversion, or an accessor whose body is `return member;`.
const ValueDecl *readState(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const ValueDecl *D = writtenState(E))
    return D;
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method)
    return nullptr;
  if (isAtomicType(Call->getImplicitObjectArgument()
                       ->IgnoreParenImpCasts()
                       ->getType()) &&
      (isa<CXXConversionDecl>(Method) || nameOf(Method) == "load"))
    return writtenState(Call->getImplicitObjectArgument());
  const FunctionDecl *Def = Method->getDefinition();
  const auto *Body =
      Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (Method->getNumParams() != 0 || !Body || Body->size() != 1)
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  const ValueDecl *D = Value ? readState(Value) : nullptr;
  return isa_and_nonnull<FieldDecl>(D) ? D : nullptr;
}

std::optional<int64_t> literalValue(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(E))
    return Bool->getValue() ? 1 : 0;
  if (const auto *Int = dyn_cast<IntegerLiteral>(E))
    return Int->getValue().getLimitedValue();
  return std::nullopt;
}

StateValue valueOf(const Expr *E) {
  std::optional<int64_t> Literal = literalValue(E);
  if (!Literal)
    return StateValue::Unknown;
  return *Literal ? StateValue::Set : StateValue::Cleared;
}

StateValue opposite(StateValue V) {
  if (V == StateValue::Unknown)
    return V;
  return V == StateValue::Set ? StateValue::Cleared : StateValue::Set;
}

bool isWriteOf(const Stmt *S, const ValueDecl *Var) {
  const Expr *Target = nullptr;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isAssignmentOp())
    Target = Binary->getLHS();
  else if (const auto *Unary = dyn_cast<UnaryOperator>(S);
           Unary && Unary->isIncrementDecrementOp())
    Target = Unary->getSubExpr();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && Op->getNumArgs() > 0 &&
           (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
            Op->getOperator() == OO_MinusMinus))
    Target = Op->getArg(0);
  else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
           Member && Member->getMethodDecl() &&
           !Member->getMethodDecl()->isConst())
    Target = Member->getImplicitObjectArgument();
  return Target && analysis::storageOf(Target) == Var;
}

/// True if `Var` is written in `S` (nested lambdas, which run elsewhere,
/// aside).
bool writes(const Stmt *S, const ValueDecl *Var) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isWriteOf(S, Var))
    return true;
  for (const Stmt *Child : S->children())
    if (writes(Child, Var))
      return true;
  return false;
}

/// A class with a condition variable's wakeups (a project's `CondVar` with
/// `Signal()` too).
bool isConditionLike(const CXXRecordDecl *Class) {
  if (!Class || !Class->hasDefinition())
    return false;
  return llvm::any_of(Class->methods(), [](const CXXMethodDecl *Method) {
    return isNotifyName(nameOf(Method));
  });
}

enum class WaitCallKind { None, Sleep, Untimed, Timed, Clock };

WaitCallKind classifyCall(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  StringRef Name = nameOf(Callee);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXRecordDecl *Class = Member->getRecordDecl();
    bool Timed = false;
    if (isConditionLike(Class) && isWaitName(Name, Timed))
      return Timed ? WaitCallKind::Timed : WaitCallKind::Untimed;
  }
  if (Name == "now")
    return WaitCallKind::Clock;
  return llvm::StringSwitch<WaitCallKind>(Name)
      .Cases("sleep_for", "sleep_until", "sleep", "usleep", "nanosleep",
             WaitCallKind::Sleep)
      .Cases("Sleep", "SleepEx", "yield", "sched_yield", "pthread_yield",
             WaitCallKind::Sleep)
      .Cases("_mm_pause", "__builtin_ia32_pause", WaitCallKind::Sleep)
      .Default(WaitCallKind::None);
}

/// What a polling loop's body does.
struct LoopBody {
  bool Waits = false; ///< sleeps, yields or waits on a condition
  bool Timed = false; ///< a timed wait
  bool Other = false; ///< exits the loop, or calls a function of the project
};

void scanBody(const Stmt *S, LoopBody &Body) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (isa<BreakStmt, ReturnStmt, GotoStmt, CXXThrowExpr, CoreturnStmt>(S)) {
    Body.Other = true;
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    switch (classifyCall(Call)) {
    case WaitCallKind::Sleep:
    case WaitCallKind::Untimed:
      Body.Waits = true;
      break;
    case WaitCallKind::Timed:
      Body.Waits = Body.Timed = true;
      break;
    case WaitCallKind::Clock:
      Body.Timed = true;
      break;
    case WaitCallKind::None: {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !isInSystemHeader(Callee))
        Body.Other = true;
    }
    }
  }
  for (const Stmt *Child : S->children())
    scanBody(Child, Body);
}

/// The states a loop condition (or a predicate) holds on.
struct Condition {
  llvm::SmallVector<std::pair<const ValueDecl *, StateValue>, 2> States;
  bool Timed = false;
  bool Opaque = false;
};

void scanCondition(const Expr *E, bool Negated, const Stmt *Body,
                   Condition &Cond) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_LNot)
    return scanCondition(Unary->getSubExpr(), !Negated, Body, Cond);
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (Binary->isLogicalOp()) {
      scanCondition(Binary->getLHS(), Negated, Body, Cond);
      scanCondition(Binary->getRHS(), Negated, Body, Cond);
      return;
    }
    if (Binary->isComparisonOp()) {
      const Expr *Side = Binary->getLHS(), *Other = Binary->getRHS();
      if (!literalValue(Other))
        std::swap(Side, Other);
      std::optional<int64_t> Literal = literalValue(Other);
      // A local the loop writes (a counter, a wait's status) bounds it.
      for (const Expr *Operand : {Binary->getLHS(), Binary->getRHS()})
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Operand->IgnoreParenImpCasts()))
          if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
              Var && Var->hasLocalStorage() && writes(Body, Var))
            Cond.Timed = true;
      const ValueDecl *State = readState(Side);
      if (!State || !Literal) {
        if (!Cond.Timed)
          Cond.Opaque = true;
        return;
      }
      // `n != 0` and `n > 0` hold while the state is set.
      StateValue Release = StateValue::Unknown;
      if (*Literal == 0 &&
          (Binary->getOpcode() == BO_NE ||
           (Binary->getOpcode() == BO_GT && Side == Binary->getLHS())))
        Release = StateValue::Cleared;
      else if (*Literal == 0 && Binary->getOpcode() == BO_EQ)
        Release = StateValue::Set;
      Cond.States.push_back({State, Negated ? opposite(Release) : Release});
      return;
    }
  }
  if (const ValueDecl *State = readState(E)) {
    if (const auto *Var = dyn_cast<VarDecl>(State);
        Var && Var->hasLocalStorage() && writes(Body, Var)) {
      Cond.Timed = true;
      return;
    }
    Cond.States.push_back(
        {State, Negated ? StateValue::Set : StateValue::Cleared});
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && classifyCall(Call) == WaitCallKind::Clock) {
    Cond.Timed = true;
    return;
  }
  Cond.Opaque = true;
}

bool isThreadType(QualType T) {
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (!Class || !Class->getIdentifier())
    return false;
  StringRef Name = Class->getName();
  return Name == "thread" || Name == "jthread";
}

const FunctionDecl *functionNamed(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
}

} // namespace

/// Walks the unit once, keeping its own stack of parents: the parent index
/// is built per root as the finder reaches it, and this runs before that.
class WaitedStates::Builder : public RecursiveASTVisitor<Builder> {
public:
  using Base = RecursiveASTVisitor<Builder>;

  Builder(WaitedStates &Index, ASTContext &Ctx) : Index(Index), Ctx(Ctx) {}

  void run() {
    TraverseDecl(Ctx.getTranslationUnitDecl());
    addCallsOfWriters();
  }

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && isInSystemHeader(D))
      return true;
    const auto *Fn = dyn_cast<FunctionDecl>(D);
    if (Fn && !Fn->doesThisDeclarationHaveABody())
      Fn = nullptr;
    if (Fn && !(isa<CXXMethodDecl>(Fn) &&
                cast<CXXMethodDecl>(Fn)->getParent()->isLambda()))
      Contexts.push_back({Fn, nullptr, 0});
    Stack.push_back(DynTypedNode::create(*D));
    bool Result = Base::TraverseDecl(D);
    Stack.pop_back();
    if (Fn && !Contexts.empty() && Contexts.back().Fn == Fn)
      Contexts.pop_back();
    return Result;
  }
  bool dataTraverseStmtPre(Stmt *S) {
    Stack.push_back(DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    Contexts.push_back(contextOf(Lambda));
    bool Result = Base::TraverseLambdaExpr(Lambda);
    Contexts.pop_back();
    return Result;
  }
  bool TraverseCXXTryStmt(CXXTryStmt *Try) {
    if (!Contexts.empty())
      ++Contexts.back().TryDepth;
    bool Result = TraverseStmt(Try->getTryBlock());
    if (!Contexts.empty())
      --Contexts.back().TryDepth;
    for (unsigned I = 0; I < Try->getNumHandlers() && Result; ++I)
      Result = TraverseStmt(Try->getHandler(I));
    return Result;
  }

  bool VisitWhileStmt(WhileStmt *S) {
    loop(S, S->getCond(), S->getBody(), nullptr);
    return true;
  }
  bool VisitDoStmt(DoStmt *S) {
    loop(S, S->getCond(), S->getBody(), nullptr);
    return true;
  }
  bool VisitForStmt(ForStmt *S) {
    loop(S, S->getCond(), S->getBody(), S->getInc());
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (Contexts.empty() || Call->containsErrors())
      return true;
    const Context &Here = Contexts.back();
    if (Here.TryDepth > 0)
      Index.InTry.insert(Call);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      operatorWrite(Op);
    } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      memberWrite(Member);
      predicateWait(Member);
      countingPrimitive(Member);
    }
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && !isInSystemHeader(Callee))
      Calls.push_back({Call, Callee->getCanonicalDecl(), Here.Fn, point(Call)});
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (!Op->isAssignmentOp())
      return true;
    StateValue Value = StateValue::Unknown;
    if (Op->getOpcode() == BO_Assign)
      Value = valueOf(Op->getRHS());
    else if (Op->getOpcode() == BO_AddAssign)
      Value = StateValue::Set;
    else if (Op->getOpcode() == BO_SubAssign)
      Value = StateValue::Cleared;
    write(Op, Op->getLHS(), Value);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->isIncrementDecrementOp())
      write(Op, Op->getSubExpr(),
            Op->isIncrementOp() ? StateValue::Set : StateValue::Cleared);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (Contexts.empty() || !isThreadType(Construct->getType()) ||
        Construct->getNumArgs() == 0)
      return true;
    if (const FunctionDecl *Body = functionNamed(Construct->getArg(0)))
      Index.Starts.push_back(
          {Construct, Contexts.back().Fn, Body->getCanonicalDecl()});
    return true;
  }

private:
  /// The function code belongs to, and, inside a scope guard's lambda, the
  /// guard's declaration in it.
  struct Context {
    const FunctionDecl *Fn;
    const Stmt *Guard;
    unsigned TryDepth;
  };
  struct CallSite {
    const CallExpr *Call;
    const FunctionDecl *Callee;
    const FunctionDecl *Fn;
    const Stmt *Point;
  };

  const Stmt *point(const Stmt *S) const {
    return Contexts.back().Guard ? Contexts.back().Guard : S;
  }

  /// A lambda runs in a thread it starts, at the exit of the scope of a
  /// guard object constructed from it, or whenever it is called.
  Context contextOf(const LambdaExpr *Lambda) {
    Context Own{Lambda->getCallOperator(), nullptr, 0};
    if (Contexts.empty())
      return Own;
    for (auto It = Stack.rbegin(); It != Stack.rend(); ++It) {
      if (It->get<LambdaExpr>() == Lambda)
        continue;
      if (It->get<FunctionDecl>() || It->get<LambdaExpr>())
        break;
      if (const auto *Construct = It->get<CXXConstructExpr>();
          Construct && isThreadType(Construct->getType())) {
        Index.Starts.push_back({Construct, Contexts.back().Fn, Own.Fn});
        return Own;
      }
      const auto *Var = It->get<VarDecl>();
      if (!Var || !Var->hasLocalStorage())
        continue;
      const CXXRecordDecl *Class = Var->getType()->getAsCXXRecordDecl();
      if (!Class || Class->isLambda() || !Class->getIdentifier() ||
          Class->getName() == "function" || std::next(It) == Stack.rend())
        return Own;
      if (const auto *Decl = std::next(It)->get<DeclStmt>())
        return {Contexts.back().Fn, Decl, 0};
      return Own;
    }
    return Own;
  }

  void write(const Stmt *At, const Expr *Target, StateValue Value) {
    if (Contexts.empty() || At->getBeginLoc().isInvalid())
      return;
    const ValueDecl *State = writtenState(Target);
    if (!State)
      return;
    const Context &Here = Contexts.back();
    Index.Writes[State].push_back(
        {At, Here.Fn, point(At), State, Value, Here.Guard != nullptr, false});
  }

  void operatorWrite(const CXXOperatorCallExpr *Op) {
    if (Op->getNumArgs() == 0 ||
        !isAtomicType(Op->getArg(0)->IgnoreParenImpCasts()->getType()))
      return;
    switch (Op->getOperator()) {
    case OO_Equal:
      if (Op->getNumArgs() == 2)
        write(Op, Op->getArg(0), valueOf(Op->getArg(1)));
      break;
    case OO_PlusPlus:
    case OO_PlusEqual:
      write(Op, Op->getArg(0), StateValue::Set);
      break;
    case OO_MinusMinus:
    case OO_MinusEqual:
      write(Op, Op->getArg(0), StateValue::Cleared);
      break;
    default:
      break;
    }
  }

  void memberWrite(const CXXMemberCallExpr *Call) {
    const Expr *Object = Call->getImplicitObjectArgument();
    // std::atomic<int>'s members are its base's: look through the cast.
    if (!Object || !isAtomicType(Object->IgnoreParenImpCasts()->getType()))
      return;
    StringRef Name = nameOf(Call->getMethodDecl());
    if ((Name == "store" || Name == "exchange") && Call->getNumArgs() > 0)
      write(Call, Object, valueOf(Call->getArg(0)));
    else if (Name == "fetch_add")
      write(Call, Object, StateValue::Set);
    else if (Name == "fetch_sub")
      write(Call, Object, StateValue::Cleared);
    else if (Name.starts_with("fetch_") || Name.starts_with("compare_exchange"))
      write(Call, Object, StateValue::Unknown);
  }

  /// `latch.wait()`, `sem.acquire()` (waits without a deadline) and
  /// `count_down()`, `release()` (releases of any amount).
  void countingPrimitive(const CXXMemberCallExpr *Call) {
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Object ||
        !isCountingPrimitive(Object->IgnoreParenImpCasts()->getType()))
      return;
    StringRef Name = nameOf(Call->getMethodDecl());
    if (Name == "count_down" || Name == "release" ||
        Name == "arrive_and_wait") {
      write(Call, Object, StateValue::Unknown);
      return;
    }
    const ValueDecl *State = writtenState(Object);
    if (State && (Name == "wait" || Name == "acquire"))
      Index.Waits.push_back({Call, Contexts.back().Fn, State,
                             StateValue::Unknown, /*Timed=*/false,
                             /*Polling=*/false});
  }

  /// `cv.wait(lock, [&] { return ready; })` and its timed forms.
  void predicateWait(const CXXMemberCallExpr *Call) {
    WaitCallKind Kind = classifyCall(Call);
    if ((Kind != WaitCallKind::Untimed && Kind != WaitCallKind::Timed) ||
        Call->getNumArgs() < 2)
      return;
    const auto *Lambda = dyn_cast<LambdaExpr>(
        Call->getArg(Call->getNumArgs() - 1)->IgnoreImplicit());
    const CompoundStmt *Body = Lambda ? Lambda->getCompoundStmtBody() : nullptr;
    if (!Body || Body->size() != 1)
      return;
    const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
    if (!Return || !Return->getRetValue())
      return;
    Condition Cond;
    scanCondition(Return->getRetValue(), /*Negated=*/true, nullptr, Cond);
    addWaits(Call, Cond, Kind == WaitCallKind::Timed, /*Polling=*/false);
  }

  void loop(const Stmt *Loop, const Expr *Cond, const Stmt *Body,
            const Expr *Inc) {
    if (!Cond || Contexts.empty() || Cond->containsErrors())
      return;
    LoopBody What;
    scanBody(Body, What);
    bool Spin =
        !Body || isa<NullStmt>(Body) ||
        (isa<CompoundStmt>(Body) && cast<CompoundStmt>(Body)->body_empty());
    if (What.Other || (!What.Waits && !Spin))
      return;
    Condition Held;
    scanCondition(Cond, /*Negated=*/false, Body, Held);
    if (Held.Opaque || Held.States.empty())
      return;
    for (const auto &[State, Release] : Held.States)
      if (writes(Body, State) || writes(Inc, State))
        return;
    addWaits(Loop, Held, Held.Timed || What.Timed || Inc != nullptr,
             /*Polling=*/!What.Waits || What.Timed || !isUntimedCvLoop(Body));
  }

  static bool isUntimedCvLoop(const Stmt *Body) {
    if (!Body)
      return false;
    if (const auto *Call = dyn_cast<CallExpr>(Body))
      return classifyCall(Call) == WaitCallKind::Untimed;
    for (const Stmt *Child : Body->children())
      if (isUntimedCvLoop(Child))
        return true;
    return false;
  }

  void addWaits(const Stmt *At, const Condition &Cond, bool Timed,
                bool Polling) {
    if (Cond.Opaque)
      return;
    for (const auto &[State, Release] : Cond.States)
      Index.Waits.push_back({At, Contexts.back().Fn, State, Release,
                             Timed || Cond.Timed, Polling});
  }

  /// A call of a function that writes a state writes it too (one level):
  /// `notify_started()` releases what its body releases.
  void addCallsOfWriters() {
    llvm::DenseMap<std::pair<const FunctionDecl *, const ValueDecl *>,
                   StateValue>
        Writers;
    for (const auto &[State, List] : Index.Writes)
      for (const StateWrite &W : List) {
        if (W.ByGuard)
          continue;
        auto [It, New] =
            Writers.try_emplace({W.Fn->getCanonicalDecl(), State}, W.Value);
        if (!New && It->second != W.Value)
          It->second = StateValue::Unknown;
      }
    for (const CallSite &Site : Calls)
      for (const auto &[Key, Value] : Writers)
        if (Key.first == Site.Callee &&
            Site.Fn->getCanonicalDecl() != Site.Callee)
          Index.Writes[Key.second].push_back(
              {Site.Call, Site.Fn, Site.Point, Key.second, Value, false, true});
  }

  WaitedStates &Index;
  ASTContext &Ctx;
  llvm::SmallVector<DynTypedNode, 32> Stack;
  llvm::SmallVector<Context, 4> Contexts;
  std::vector<CallSite> Calls;
};

namespace {
struct ThreadIndex {
  ASTContext *Ctx = nullptr;
  std::unique_ptr<WaitedStates> Index;
};
thread_local ThreadIndex Current;
} // namespace

WaitedStates::WaitedStates(ASTContext &Ctx) : Ctx(Ctx) {}

WaitedStates &WaitedStates::of(ASTContext &Ctx) {
  if (Current.Ctx != &Ctx || !Current.Index) {
    Current.Ctx = &Ctx;
    Current.Index.reset(new WaitedStates(Ctx));
    Builder(*Current.Index, Ctx).run();
  }
  return *Current.Index;
}

void WaitedStates::forget() { Current = ThreadIndex(); }

llvm::ArrayRef<StateWrite>
WaitedStates::writesOf(const ValueDecl *State) const {
  auto It = Writes.find(State);
  if (It == Writes.end())
    return {};
  return It->second;
}

bool WaitedStates::armedByWaiter(const StateWait &Wait) const {
  return llvm::any_of(writesOf(Wait.State), [&](const StateWrite &W) {
    return W.Fn->getCanonicalDecl() == Wait.Fn->getCanonicalDecl();
  });
}

llvm::SmallVector<const StateWait *, 4> WaitedStates::waitsThatCanHang() const {
  llvm::SmallVector<const StateWait *, 4> Found;
  for (const StateWait &Wait : Waits)
    if (!Wait.Timed && !armedByWaiter(Wait))
      Found.push_back(&Wait);
  return Found;
}

llvm::SmallVector<StateWrite, 4>
WaitedStates::writesIn(const FunctionDecl *Fn) const {
  llvm::SmallVector<StateWrite, 4> Found;
  for (const auto &[State, List] : Writes)
    for (const StateWrite &W : List)
      if (W.Fn->getCanonicalDecl() == Fn->getCanonicalDecl())
        Found.push_back(W);
  // Source order, not the map's.
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Found, [&](const StateWrite &A, const StateWrite &B) {
    return SM.isBeforeInTranslationUnit(A.At->getBeginLoc(),
                                        B.At->getBeginLoc());
  });
  return Found;
}

static bool isStdFunctionCall(const FunctionDecl *Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || Method->getOverloadedOperator() != OO_Call)
    return false;
  const CXXRecordDecl *Class = Method->getParent();
  return Class->getIdentifier() && Class->isInStdNamespace() &&
         (Class->getName() == "function" ||
          Class->getName() == "move_only_function");
}

bool WaitedStates::mayThrow(const Stmt *S) {
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || InTry.contains(Call))
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || cannotThrow(Callee))
    return false;
  if (isStdFunctionCall(Callee))
    return true;
  const FunctionDecl *Def = Callee->getDefinition();
  return Def && !isInSystemHeader(Def) && bodyThrows(Def, MaxThrowDepth);
}

bool WaitedStates::bodyThrows(const FunctionDecl *Fn, unsigned Depth) {
  auto [It, New] = Throws.try_emplace({Fn, Depth}, false);
  if (!New)
    return It->second;
  bool Found = false;
  llvm::SmallVector<const Stmt *, 32> Work{Fn->getBody()};
  while (!Work.empty() && !Found) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr, CXXTryStmt>(S))
      continue;
    if (isa<CXXThrowExpr>(S)) {
      Found = true;
      break;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && !cannotThrow(Callee)) {
        const FunctionDecl *Def = Callee->getDefinition();
        Found = isStdFunctionCall(Callee) ||
                (Depth > 0 && Def && !isInSystemHeader(Def) &&
                 bodyThrows(Def, Depth - 1));
      }
    Work.append(S->child_begin(), S->child_end());
  }
  Throws[{Fn, Depth}] = Found;
  return Found;
}

std::optional<analysis::LeakingExit>
WaitedStates::strandingExit(analysis::FunctionPaths &Paths,
                            const FunctionDecl *Fn, const Stmt *Start,
                            llvm::ArrayRef<const StateWrite *> Releases) {
  analysis::ParentIndex::of(Ctx).indexRootOf(Fn);
  llvm::SmallPtrSet<const Stmt *, 8> Points;
  for (const StateWrite *W : Releases)
    Points.insert(W->Point);
  auto Throwing = [this](const Stmt *S) { return mayThrow(S); };
  analysis::MayThrowFn MayThrow;
  if (!cannotThrow(Fn))
    MayThrow = Throwing;
  return Start ? Paths.findUndischargedExit(Start, Points, MayThrow)
               : Paths.findUndischargedExitFromEntry(Points, MayThrow);
}

} // namespace clang::tidy::tether::model
