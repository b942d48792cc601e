//===--- UninterruptibleWaitCheck.cpp - tether clang-tidy -----------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// Two shapes of one bug: the stop request does not reach the call the worker
// is blocked in, so the stopper's join hangs.
//
// Stop tokens. A blocking call (`acquire`, an untimed `wait`, `get`,
// `arrive_and_wait`, a long or unknown `sleep_for`, a configured blocking
// pop) inside a loop that checks a `std::stop_token` (`stop_requested()`).
// Silent when a `std::stop_callback` exists in the worker's function or class
// or on its token (it can release the wait), when a stop path (a function
// that calls `request_stop()`, or a destructor) releases or notifies the
// object waited on after the request, or when the object is not known.
//
// Descriptors. `accept`, `read`, `recv`, `recvfrom`, `recvmsg` or an
// infinite `epoll_wait` on a descriptor held in a field or global, in a loop
// of the function or of a caller (two levels up). Reported when another
// function, the stop path, closes that descriptor (itself or through up to
// three levels of calls) and either joins a thread after the close, requests
// stop, or sets a flag the loop's condition reads, while the loop runs on a
// thread (a spawned task) or is stopped by that flag. Silent when the stop
// path also calls `shutdown` on the descriptor or writes to a wake-up
// descriptor, when the descriptor is made non-blocking or comes from
// `open` (a regular file), when the call passes MSG_DONTWAIT, and when the
// loop polls (poll/select/epoll_wait) first.
//
//===----------------------------------------------------------------------===//

#include "UninterruptibleWaitCheck.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "model/BlockingCalls.h"
#include "model/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using analysis::forEachStmt;
using analysis::storageOf;
using model::FdKind;
using model::fdKind;
using model::hasFiniteTimeout;
using model::hasName;
using model::isCFunction;
using model::isPollFamily;
using model::isStdMember;
using model::passesNonBlocking;
using model::secondsOf;
using model::stdWaitKind;
using model::textOf;
using model::WaitKind;

namespace {

/// True if `Name` releases a waiter of `Kind`: what the stop path must call
/// on the object waited on.
bool releases(WaitKind Kind, StringRef Name) {
  switch (Kind) {
  case WaitKind::Semaphore:
    return Name == "release";
  case WaitKind::CondVar:
    return Name == "notify_one" || Name == "notify_all";
  case WaitKind::Latch:
    return Name == "count_down" || Name == "arrive" ||
           Name == "arrive_and_drop";
  case WaitKind::Future:
    return Name.starts_with("set_value") || Name.starts_with("set_exception");
  case WaitKind::Project:
    return true;
  case WaitKind::Sleep:
  case WaitKind::None:
    return false;
  }
  return false;
}

/// A call that a function makes: to a function with a body in this
/// translation unit, and the loop of that function it sits in, if any.
struct CallSite {
  const FunctionDecl *Caller = nullptr;
  const CallExpr *Call = nullptr;
  const Stmt *Loop = nullptr;
};

/// A member call on a variable or field (`sem.release()`), or a C call on a
/// descriptor (`close(fd_)`).
struct ObjectCall {
  const ValueDecl *Object = nullptr;
  const CallExpr *Call = nullptr;
};

/// What one function does, by its own statements (not its callees').
struct FunctionFacts {
  llvm::SmallVector<CallSite, 4> Callees;
  llvm::SmallVector<ObjectCall, 2> Closes;
  llvm::SmallVector<const ValueDecl *, 1> Shutdowns;
  llvm::SmallVector<ObjectCall, 2> MemberCalls;
  llvm::SmallVector<const CallExpr *, 1> Joins;
  llvm::SmallVector<const CallExpr *, 1> StopRequests;
  /// Assignments and atomic stores: the variable or field written, and the
  /// write.
  llvm::SmallVector<std::pair<const ValueDecl *, const Expr *>, 2> Writes;
  bool WritesWakeup = false;
  bool HasStopCallback = false;
};

const FunctionDecl *definitionOf(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  return F && F->hasBody(Def) ? Def->getCanonicalDecl() : nullptr;
}

/// The C call's descriptor argument, as a variable or field.
const ValueDecl *descriptorOf(const CallExpr *Call) {
  return Call->getNumArgs() == 0 ? nullptr : storageOf(Call->getArg(0));
}

/// The index of the parameter of `Fn` whose object holds the descriptor
/// `Fd` names (`close(socket->fd)` in `void drop(Socket *socket)`).
std::optional<unsigned> holderParam(const Expr *Fd, const FunctionDecl *Fn) {
  const auto *Member =
      Fd ? dyn_cast<MemberExpr>(Fd->IgnoreParenImpCasts()) : nullptr;
  const auto *Ref =
      Member ? dyn_cast<DeclRefExpr>(Member->getBase()->IgnoreParenImpCasts())
             : nullptr;
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Owner =
      Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  if (!Owner || !Fn || Owner->getCanonicalDecl() != Fn->getCanonicalDecl())
    return std::nullopt;
  return Param->getFunctionScopeIndex();
}

/// The field or variable that holds the object a call passes for the
/// descriptor's holder: `client.listen` in `drop(client.listen)`, through
/// an atomic's load, exchange or conversion, or a local initialised so.
const ValueDecl *holderOf(const Expr *Arg) {
  for (unsigned Depth = 0; Arg && Depth < 4; ++Depth) {
    Arg = analysis::stripTransparent(Arg);
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Arg)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || !(isa<CXXConversionDecl>(Method) ||
                       hasName(Method, "load") || hasName(Method, "exchange")))
        return nullptr;
      Arg = Call->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (Var && Var->isLocalVarDecl() && Var->getInit()) {
        Arg = Var->getInit();
        continue;
      }
    }
    return storageOf(Arg);
  }
  return nullptr;
}

/// The holder a call site passes for the descriptor that `Callee` uses
/// through the parameter `Param`, if known.
const ValueDecl *holderAt(const CallExpr *Site, std::optional<unsigned> Param) {
  if (!Site || !Param)
    return nullptr;
  unsigned Index = *Param + (isa<CXXOperatorCallExpr>(Site) ? 1 : 0);
  return Index < Site->getNumArgs() ? holderOf(Site->getArg(Index)) : nullptr;
}

} // namespace

class UninterruptibleWaitCheck::UnitIndex
    : public RecursiveASTVisitor<UninterruptibleWaitCheck::UnitIndex> {
public:
  using Base = RecursiveASTVisitor<UnitIndex>;

  UnitIndex(const model::ApiModel &Model, ASTContext &Ctx)
      : Model(Model), Ctx(Ctx), SM(Ctx.getSourceManager()) {
    TraverseDecl(Ctx.getTranslationUnitDecl());
  }

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    const auto *Fn = dyn_cast<FunctionDecl>(D);
    if (!Fn || !Fn->doesThisDeclarationHaveABody())
      return Base::TraverseDecl(D);
    return inFunction(Fn, [&] { return Base::TraverseDecl(D); });
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    return inFunction(L->getCallOperator(),
                      [&] { return Base::TraverseLambdaExpr(L); });
  }
  bool TraverseWhileStmt(WhileStmt *S) {
    return inLoop(S, [&] { return Base::TraverseWhileStmt(S); });
  }
  bool TraverseDoStmt(DoStmt *S) {
    return inLoop(S, [&] { return Base::TraverseDoStmt(S); });
  }
  bool TraverseForStmt(ForStmt *S) {
    return inLoop(S, [&] { return Base::TraverseForStmt(S); });
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    return inLoop(S, [&] { return Base::TraverseCXXForRangeStmt(S); });
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (Init->getMember() && Init->getInit())
      assigned(Init->getMember(), Init->getInit());
    return Base::TraverseConstructorInitializer(Init);
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp() && !Current.empty())
      if (const ValueDecl *D = storageOf(Op->getLHS())) {
        facts().Writes.push_back({D, Op});
        assigned(D, Op->getRHS());
      }
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->isAssignmentOp() && Op->getNumArgs() == 2 && !Current.empty())
      if (const ValueDecl *D = storageOf(Op->getArg(0))) {
        facts().Writes.push_back({D, Op});
      }
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    if (Var->getInit())
      assigned(Var->getCanonicalDecl(), Var->getInit());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *Field) {
    if (Field->hasInClassInitializer() && Field->getInClassInitializer())
      assigned(Field, Field->getInClassInitializer());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (Current.empty() || Construct->containsErrors())
      return true;
    if (Model.isStopCallbackType(Construct->getType())) {
      facts().HasStopCallback = true;
      if (Construct->getNumArgs() > 0)
        if (const ValueDecl *Token = storageOf(Construct->getArg(0)))
          CallbackTokens.insert(Token);
    }
    if (std::optional<model::SpawnSite> Site = Model.getSpawnSite(Construct))
      spawned(*Site);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (Current.empty() || Call->containsErrors())
      return true;
    if (std::optional<model::SpawnSite> Site = Model.getSpawnSite(Call))
      spawned(*Site);
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return true;
    FunctionFacts &F = facts();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      memberCall(F, Member, Callee);
      return true;
    }
    if (isCFunction(Callee)) {
      cCall(F, Call, Callee);
      return true;
    }
    if (const FunctionDecl *Def = definitionOf(Callee);
        Def && !SM.isInSystemHeader(Def->getLocation()))
      F.Callees.push_back({Current.back(), Call, Loops.back()});
    return true;
  }

  const FunctionFacts *factsOf(const FunctionDecl *Fn) const {
    auto It = Facts.find(Fn ? Fn->getCanonicalDecl() : nullptr);
    return It == Facts.end() ? nullptr : &It->second;
  }
  /// The calls of `Fn` from functions of this translation unit.
  llvm::SmallVector<CallSite, 2> callersOf(const FunctionDecl *Fn) const {
    llvm::SmallVector<CallSite, 2> Out;
    const FunctionDecl *Canon = Fn->getCanonicalDecl();
    for (const auto &[Caller, F] : Facts)
      for (const CallSite &Site : F.Callees)
        if (definitionOf(Site.Call->getDirectCallee()) == Canon)
          Out.push_back(Site);
    return Out;
  }
  bool isTask(const FunctionDecl *Fn) const {
    return Tasks.contains(Fn->getCanonicalDecl());
  }
  bool isNonBlocking(const ValueDecl *D) const {
    return NonBlocking.contains(D);
  }
  bool isRegularFile(const ValueDecl *D) const {
    return RegularFiles.contains(D);
  }
  bool hasCallbackOn(const ValueDecl *Token) const {
    return Token && CallbackTokens.contains(Token);
  }
  const llvm::DenseMap<const FunctionDecl *, FunctionFacts> &all() const {
    return Facts;
  }

private:
  template <class F> bool inFunction(const FunctionDecl *Fn, F &&Traverse) {
    Current.push_back(Fn->getCanonicalDecl());
    Loops.push_back(nullptr);
    Facts.try_emplace(Fn->getCanonicalDecl());
    bool Result = Traverse();
    Loops.pop_back();
    Current.pop_back();
    return Result;
  }
  template <class F> bool inLoop(const Stmt *Loop, F &&Traverse) {
    if (Loops.empty())
      return Traverse();
    const Stmt *Saved = Loops.back();
    Loops.back() = Loop;
    bool Result = Traverse();
    Loops.back() = Saved;
    return Result;
  }
  FunctionFacts &facts() { return Facts[Current.back()]; }

  void spawned(const model::SpawnSite &Site) {
    if (const FunctionDecl *Task = model::ApiModel::getTaskFunction(Site.Body))
      Tasks.insert(Task->getCanonicalDecl());
  }

  /// What a descriptor is assigned from: `open` (a regular file) or a call
  /// that makes it non-blocking (`socket(..., SOCK_NONBLOCK)`).
  void assigned(const ValueDecl *D, const Expr *Value) {
    if (const auto *List = dyn_cast_or_null<InitListExpr>(
            Value ? Value->IgnoreImplicit() : nullptr);
        List && List->getNumInits() == 1)
      Value = List->getInit(0);
    const auto *Call =
        dyn_cast_or_null<CallExpr>(analysis::stripTransparent(Value));
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!isCFunction(Callee))
      return;
    StringRef Name = Callee->getName();
    if (Name == "open" || Name == "openat" || Name == "creat" ||
        Name == "open64")
      RegularFiles.insert(D);
    for (const Expr *Arg : Call->arguments())
      if (textOf(Arg, Ctx).contains("NONBLOCK"))
        NonBlocking.insert(D);
  }

  void memberCall(FunctionFacts &F, const CXXMemberCallExpr *Call,
                  const FunctionDecl *Callee) {
    const Expr *Object = Call->getImplicitObjectArgument();
    if (hasName(Callee, "request_stop")) {
      F.StopRequests.push_back(Call);
      return;
    }
    if (hasName(Callee, "join") && Object &&
        (isStdMember(Callee, "thread") || isStdMember(Callee, "jthread"))) {
      F.Joins.push_back(Call);
      return;
    }
    if (const ValueDecl *D = Object ? storageOf(Object) : nullptr) {
      F.MemberCalls.push_back({D, Call});
      if (hasName(Callee, "store") && Call->getNumArgs() >= 1) {
        F.Writes.push_back({D, Call});
      }
    }
    // A member function of the program: followed like a free function.
    if (const FunctionDecl *Def = definitionOf(Callee);
        Def && !SM.isInSystemHeader(Def->getLocation()))
      F.Callees.push_back({Current.back(), Call, Loops.back()});
  }

  void cCall(FunctionFacts &F, const CallExpr *Call,
             const FunctionDecl *Callee) {
    StringRef Name = Callee->getName();
    const ValueDecl *D = descriptorOf(Call);
    if (Name == "close" && D)
      F.Closes.push_back({D, Call});
    else if (Name == "shutdown" && D)
      F.Shutdowns.push_back(D);
    else if (Name == "write" || Name == "eventfd_write")
      F.WritesWakeup = true;
    else if ((Name == "fcntl" || Name == "ioctl") && D &&
             llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
               StringRef Text = textOf(Arg, Ctx);
               return Text.contains("NONBLOCK") || Text.contains("FIONBIO");
             }))
      NonBlocking.insert(D);
    if (const FunctionDecl *Def = definitionOf(Callee);
        Def && !SM.isInSystemHeader(Def->getLocation()))
      F.Callees.push_back({Current.back(), Call, Loops.back()});
  }

  const model::ApiModel &Model;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::SmallVector<const FunctionDecl *, 4> Current;
  /// The innermost loop of each function on the stack.
  llvm::SmallVector<const Stmt *, 4> Loops;
  llvm::DenseMap<const FunctionDecl *, FunctionFacts> Facts;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Tasks;
  llvm::SmallPtrSet<const ValueDecl *, 8> NonBlocking, RegularFiles,
      CallbackTokens;
};

namespace {

using UnitIndex = UninterruptibleWaitCheck::UnitIndex;

/// A stop path's close of a descriptor and what else the path does, over
/// the function and the functions it calls (three levels deep).
struct CloseReach {
  const CallExpr *Close = nullptr;
  /// The call of the stop path itself that leads to the close.
  const CallExpr *Via = nullptr;
  /// The field that holds the closed descriptor's object, when the close
  /// goes through a parameter and the call passes a field.
  const ValueDecl *Holder = nullptr;
  bool Shutdown = false;
  bool Wakeup = false;
};

void reach(const UnitIndex &Index, const FunctionDecl *Fn, const ValueDecl *D,
           const ValueDecl *Holder, unsigned Depth, const CallExpr *Via,
           const CallExpr *CalledBy, CloseReach &Out,
           llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  const FunctionFacts *F = Index.factsOf(Fn);
  if (!F || !Seen.insert(Fn->getCanonicalDecl()).second)
    return;
  for (const ObjectCall &Close : F->Closes) {
    if (Close.Object != D || Out.Close)
      continue;
    // Another object's descriptor: the worker blocks on the one `Holder`
    // holds, and this call closes the one another field holds.
    const ValueDecl *Closed =
        holderAt(CalledBy, holderParam(Close.Call->getArg(0), Fn));
    if (Holder && Closed && Holder != Closed)
      continue;
    Out.Close = Close.Call;
    Out.Via = Via ? Via : Close.Call;
    Out.Holder = Closed;
  }
  Out.Shutdown |= llvm::is_contained(F->Shutdowns, D);
  Out.Wakeup |= F->WritesWakeup;
  if (Depth == 0)
    return;
  for (const CallSite &Site : F->Callees)
    reach(Index, definitionOf(Site.Call->getDirectCallee()), D, Holder,
          Depth - 1, Via ? Via : Site.Call, Site.Call, Out, Seen);
}

/// A loop that runs the blocking call: the loop around it, or a loop of a
/// caller (two levels up) around the call that leads to it.
struct WorkerLoop {
  const Stmt *Loop = nullptr;
  const FunctionDecl *Fn = nullptr;
  /// The field holding the descriptor's object, as the caller passes it.
  const ValueDecl *Holder = nullptr;
};

llvm::SmallVector<WorkerLoop, 2> workerLoops(const UnitIndex &Index,
                                             const CallExpr *Block,
                                             const FunctionDecl *Fn,
                                             ASTContext &Ctx) {
  llvm::SmallVector<WorkerLoop, 2> Out;
  if (const Stmt *Loop = analysis::enclosingLoop(Block, Ctx))
    Out.push_back({Loop, Fn, nullptr});
  std::optional<unsigned> Param = holderParam(Block->getArg(0), Fn);
  for (const CallSite &Site : Index.callersOf(Fn)) {
    const ValueDecl *Holder = holderAt(Site.Call, Param);
    if (Site.Loop) {
      Out.push_back({Site.Loop, Site.Caller, Holder});
      continue;
    }
    for (const CallSite &Outer : Index.callersOf(Site.Caller))
      if (Outer.Loop)
        Out.push_back({Outer.Loop, Outer.Caller, Holder});
  }
  return Out;
}

/// True if the loop polls its descriptors first (with a timeout, or for
/// several of them): the blocking call then finds data waiting.
bool loopPolls(const Stmt *Loop) {
  bool Polls = false;
  forEachStmt(Loop, [&](const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      Polls |= isPollFamily(Call->getDirectCallee());
  });
  return Polls;
}

/// The variables and fields the loop's condition reads: its stop flags.
analysis::Reads flagsOf(const Stmt *Loop) {
  analysis::Reads Flags;
  if (const Expr *Cond = analysis::getLoopCondition(Loop))
    analysis::collectReads(Cond, nullptr, Flags, /*FollowMemberCalls=*/true);
  return Flags;
}

/// True if `Value`, written to the flag `Flag` that the loop condition
/// `Cond` reads, can end the loop: a loop on `!stop` ends when true is
/// written, a loop on `running` when false is; a value that is not a
/// constant may do either.
bool mayStop(const Expr *Cond, const ValueDecl *Flag, const Expr *Value,
             const ASTContext &Ctx) {
  bool Result = false;
  if (!Value || !Cond || Value->isValueDependent() ||
      !Value->EvaluateAsBooleanCondition(Result, Ctx))
    return true;
  bool Negated = false;
  forEachStmt(Cond, [&](const Stmt *S) {
    const auto *Not = dyn_cast<UnaryOperator>(S);
    if (Not && Not->getOpcode() == UO_LNot &&
        holderOf(Not->getSubExpr()) == Flag)
      Negated = true;
  });
  return Result == Negated;
}

/// The value an assignment writes.
const Expr *writtenValue(const Expr *Write) {
  if (const auto *Op = dyn_cast<BinaryOperator>(Write))
    return Op->getRHS();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Write))
    return Op->getNumArgs() == 2 ? Op->getArg(1) : nullptr;
  if (const auto *Store = dyn_cast<CXXMemberCallExpr>(Write))
    return Store->getNumArgs() >= 1 ? Store->getArg(0) : nullptr;
  return nullptr;
}

/// The stop-token check in `Loop`: a call of `stop_requested` on a token.
const CXXMemberCallExpr *tokenCheckIn(const model::ApiModel &Model,
                                      const Stmt *Loop) {
  const CXXMemberCallExpr *Found = nullptr;
  forEachStmt(Loop, [&](const Stmt *S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    if (Found || !Call || !Model.isStopCheck(Call->getDirectCallee()))
      return;
    const Expr *Object = Call->getImplicitObjectArgument();
    if (Object && Model.isStopTokenType(Object->getType()))
      Found = Call;
  });
  return Found;
}

bool before(const Stmt *A, const Stmt *B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
}

/// The class whose member `Fn` is, or in a member of which a lambda `Fn` is.
const CXXRecordDecl *ownerClass(const FunctionDecl *Fn) {
  const auto *Method =
      dyn_cast_or_null<CXXMethodDecl>(analysis::outermostFunction(Fn));
  return Method ? Method->getParent() : nullptr;
}

/// What to call on the object in a `std::stop_callback` to release the wait.
std::string releaseText(WaitKind Kind, const ValueDecl *Object) {
  std::string Name = Object ? Object->getName().str() : "the object";
  switch (Kind) {
  case WaitKind::Semaphore:
    return Name + ".release()";
  case WaitKind::CondVar:
    return Name + ".notify_all()";
  case WaitKind::Latch:
    return Name + ".count_down()";
  case WaitKind::Future:
    return "the promise's set_value()";
  default:
    return "a call that wakes " + Name;
  }
}

} // namespace

UninterruptibleWaitCheck::UninterruptibleWaitCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0),
      BlockingCalls(Options.get("BlockingCalls", "")) {}

UninterruptibleWaitCheck::~UninterruptibleWaitCheck() = default;

void UninterruptibleWaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "BlockingCalls", BlockingCalls.raw());
}

void UninterruptibleWaitCheck::registerCheckMatchers(MatchFinder *Finder) {
  model::addRoleMatcher<CallExpr>(
      Finder,
      {model::calleeRole("block",
                         [this](const FunctionDecl &F) {
                           return fdKind(&F) != FdKind::None ||
                                  stdWaitKind(&F, Model) != WaitKind::None ||
                                  BlockingCalls.contains(&F);
                         })},
      this);
}

void UninterruptibleWaitCheck::forgetUnit() { Index.reset(); }

UninterruptibleWaitCheck::UnitIndex &
UninterruptibleWaitCheck::index(ASTContext &Ctx) {
  if (!Index)
    Index = std::make_unique<UnitIndex>(Model, Ctx);
  return *Index;
}

void UninterruptibleWaitCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<MatchScope> Scope = scopeOf(Result);
  const auto *Block = Result.Nodes.getNodeAs<CallExpr>("block");
  if (!Scope || !Scope->Fn || !Block || !Scope->Fn->getBody())
    return;
  if (fdKind(Block->getDirectCallee()) != FdKind::None)
    checkDescriptorWorker(Block, Scope->Fn, *Result.Context);
  else
    checkTokenWorker(Block, Scope->Fn, *Result.Context);
}

//===----------------------------------------------------------------------===//
// Stop tokens.
//===----------------------------------------------------------------------===//

void UninterruptibleWaitCheck::checkTokenWorker(const CallExpr *Block,
                                                const FunctionDecl *Fn,
                                                ASTContext &Ctx) {
  const FunctionDecl *Callee = Block->getDirectCallee();
  WaitKind Kind = stdWaitKind(Callee, Model);
  if (Kind == WaitKind::None)
    Kind = WaitKind::Project;
  // The innermost loop around the call that checks a stop token.
  const CXXMemberCallExpr *TokenCheck = nullptr;
  const Stmt *TokenLoop = analysis::enclosingLoop(Block, Ctx);
  for (; TokenLoop && !TokenCheck;
       TokenLoop = TokenCheck ? TokenLoop
                              : analysis::enclosingLoop(TokenLoop, Ctx))
    TokenCheck = tokenCheckIn(Model, TokenLoop);
  if (!TokenCheck || !TokenLoop)
    return;
  if (Kind == WaitKind::Sleep) {
    std::optional<double> Seconds = Block->getNumArgs() == 1
                                        ? secondsOf(Block->getArg(0), Ctx)
                                        : std::nullopt;
    if (Seconds && *Seconds < 1.0)
      return; // a short nap: the token is checked again soon
  }
  const ValueDecl *Token = storageOf(TokenCheck->getImplicitObjectArgument());
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Block);
  const ValueDecl *Object =
      Member ? storageOf(Member->getImplicitObjectArgument()) : nullptr;
  if (Kind != WaitKind::Sleep && Kind != WaitKind::Future && !Object)
    return; // cannot tell what would release it

  // What the worker checks besides the token: the loop's condition and the
  // wait's predicate.
  analysis::Reads Checked = flagsOf(TokenLoop);
  for (const Expr *Arg : Block->arguments())
    analysis::collectReads(Arg, nullptr, Checked, /*FollowMemberCalls=*/true);

  UnitIndex &Units = index(Ctx);
  // A stop callback can release the wait: on this token, in the worker's
  // function, or in its class.
  const FunctionDecl *Outer = analysis::outermostFunction(Fn);
  const CXXRecordDecl *Owner = ownerClass(Fn);
  if (Units.hasCallbackOn(Token))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &[F, Facts] : Units.all()) {
    bool Related = F == Outer->getCanonicalDecl() ||
                   F == Fn->getCanonicalDecl() ||
                   (Owner && ownerClass(F) == Owner);
    if (Facts.HasStopCallback && Related)
      return;
    // The stop path releases the object after the request, or after
    // writing what the worker checks (its own stop flag); a destructor
    // anywhere, as its members' jthreads request stop after its body.
    const Stmt *Request =
        Facts.StopRequests.empty() ? nullptr : Facts.StopRequests.front();
    for (const auto &[Written, Write] : Facts.Writes)
      if (!Request &&
          llvm::any_of(Checked, [&, Written = Written](const auto &R) {
            return R.first == Written;
          }))
        Request = Write;
    if (!Request && !isa<CXXDestructorDecl>(F))
      continue;
    for (const ObjectCall &Release : Facts.MemberCalls) {
      const FunctionDecl *Method = Release.Call->getDirectCallee();
      if ((Kind == WaitKind::Future || Release.Object == Object) && Method &&
          Method->getIdentifier() && releases(Kind, Method->getName()) &&
          (!Request || before(Request, Release.Call, SM)))
        return;
    }
  }

  SourceLocation Loc = Block->getExprLoc();
  if (!claim(Loc, SM))
    return;
  // condition_variable_any::wait(lock, pred) -> wait(lock, token, pred).
  const auto *TokenVar = dyn_cast_or_null<VarDecl>(Token);
  bool PassToken = Kind == WaitKind::CondVar &&
                   isStdMember(Callee, "condition_variable_any") &&
                   Block->getNumArgs() == 2 && TokenVar &&
                   TokenVar->getIdentifier() &&
                   !Block->getArg(0)->getEndLoc().isMacroID();
  {
    auto Warning =
        diag(Loc, "%0 blocks in a call that a stop request cannot interrupt: "
                  "the worker checks its stop token only between waits, so "
                  "request_stop() and join() hang while it waits")
        << Callee->getIdentifier() << Block->getSourceRange();
    if (PassToken)
      Warning << FixItHint::CreateInsertion(
          Lexer::getLocForEndOfToken(Block->getArg(0)->getEndLoc(), 0, SM,
                                     Ctx.getLangOpts()),
          (", " + TokenVar->getName()).str());
  }
  diag(TokenCheck->getExprLoc(), "the worker checks the stop token here",
       DiagnosticIDs::Note);
  if (PassToken) {
    diag(Loc,
         "pass the token: wait(lock, %0, pred) returns when stop is requested",
         DiagnosticIDs::Note)
        << TokenVar;
    return;
  }
  std::string TokenName = TokenVar && TokenVar->getIdentifier()
                              ? TokenVar->getName().str()
                              : "token";
  if (Kind == WaitKind::Sleep) {
    diag(Loc,
         "wait on a std::condition_variable_any with wait_for(lock, %0, "
         "duration, pred) instead, which returns when stop is requested",
         DiagnosticIDs::Note)
        << TokenName;
    return;
  }
  diag(Loc,
       "add 'std::stop_callback on_stop(%0, [&] { %1; });' so that the "
       "stop request releases the wait",
       DiagnosticIDs::Note)
      << TokenName << releaseText(Kind, Object);
}

//===----------------------------------------------------------------------===//
// Descriptors.
//===----------------------------------------------------------------------===//

void UninterruptibleWaitCheck::checkDescriptorWorker(const CallExpr *Block,
                                                     const FunctionDecl *Fn,
                                                     ASTContext &Ctx) {
  const FunctionDecl *Callee = Block->getDirectCallee();
  if (fdKind(Callee) == FdKind::Poll && hasFiniteTimeout(Block, Ctx))
    return;
  const ValueDecl *Fd = descriptorOf(Block);
  // A descriptor another function can close: a field or a global.
  const auto *Var = dyn_cast_or_null<VarDecl>(Fd);
  if (!Fd || (!isa<FieldDecl>(Fd) && !(Var && Var->hasGlobalStorage())) ||
      passesNonBlocking(Block, Ctx))
    return;
  UnitIndex &Units = index(Ctx);
  if (Units.isNonBlocking(Fd) || Units.isRegularFile(Fd))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const WorkerLoop &Worker : workerLoops(Units, Block, Fn, Ctx)) {
    if (loopPolls(Worker.Loop))
      continue;
    analysis::Reads Flags = flagsOf(Worker.Loop);
    bool OnThread = Units.isTask(Worker.Fn);
    for (const auto &[StopFn, Facts] : Units.all()) {
      // The worker closing its own descriptor after its loop is no stop path.
      if (StopFn == Worker.Fn->getCanonicalDecl() ||
          StopFn == Fn->getCanonicalDecl())
        continue;
      CloseReach Reach;
      llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
      reach(Units, StopFn, Fd, Worker.Holder, /*Depth=*/3, nullptr, nullptr,
            Reach, Seen);
      if (!Reach.Close || Reach.Shutdown || Reach.Wakeup)
        continue;
      // Why the close is meant to stop the worker: the path then joins,
      // requests stop, or sets the flag the loop checks.
      const Stmt *Evidence = nullptr;
      const ValueDecl *Flag = nullptr;
      if (OnThread) {
        for (const CallExpr *Join : Facts.Joins)
          if (!Evidence && before(Reach.Via, Join, SM))
            Evidence = Join;
        if (!Evidence && !Facts.StopRequests.empty())
          Evidence = Facts.StopRequests.front();
      }
      for (const auto &[Written, Write] : Facts.Writes)
        for (const auto &[Read, ReadExpr] : Flags)
          if (!Evidence && Read == Written && Read != Fd &&
              mayStop(analysis::getLoopCondition(Worker.Loop), Read,
                      writtenValue(Write), Ctx)) {
            Evidence = Write;
            Flag = Read;
          }
      if (!Evidence)
        continue;
      SourceLocation Loc = Block->getExprLoc();
      if (!claim(Loc, SM))
        return;
      diag(Loc, "%0 blocks on %1, which the stop path only closes: on Linux "
                "close() does not wake a thread blocked in %0 on that "
                "descriptor, so the thread never returns")
          << Callee << Fd << Block->getSourceRange();
      diag(Reach.Close->getExprLoc(),
           "%0 is closed here; call shutdown(%0, SHUT_RDWR) before close(), "
           "or poll with a timeout or a wake-up descriptor instead of "
           "blocking in %1",
           DiagnosticIDs::Note)
          << Fd << Callee;
      if (Flag)
        diag(Evidence->getBeginLoc(),
             "the stop path sets %0 here, which the loop checks only "
             "between blocking calls",
             DiagnosticIDs::Note)
            << Flag;
      else
        diag(Evidence->getBeginLoc(),
             "the stop path then waits for the thread, which is still "
             "blocked",
             DiagnosticIDs::Note);
      diag(Worker.Loop->getBeginLoc(), "the thread's loop",
           DiagnosticIDs::Note);
      return;
    }
  }
}

} // namespace clang::tidy::tether
