//===--- ChannelParties.cpp - tether clang-tidy ---------------------------===//

#include "ChannelParties.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::tether::model {

using analysis::forEachAncestor;
using analysis::parentOf;
using analysis::stripTransparent;
using analysis::valueParent;

const ChannelOp *Party::firstSend() const {
  for (const ChannelOp &O : Ops)
    if (O.Kind == OpKind::Send)
      return &O;
  return nullptr;
}

bool ChannelParties::descendsFrom(int Q, int S) const {
  for (; Q >= 0; Q = Parties[Q].Parent)
    if (Q == S)
      return true;
  return false;
}

const Expr *ChannelParties::spawnIn(int Q, int Ancestor) const {
  for (; Q >= 0; Q = Parties[Q].Parent)
    if (Parties[Q].Parent == Ancestor)
      return Parties[Q].Spawn;
  return nullptr;
}

namespace {

/// How deep tasks that pass the channel on to tasks of their own are
/// followed before the check gives up on it.
constexpr unsigned MaxTaskDepth = 4;

bool contains(const Stmt *Outer, SourceLocation Loc, const SourceManager &SM) {
  SourceRange R = Outer->getSourceRange();
  Loc = SM.getFileLoc(Loc);
  return !SM.isBeforeInTranslationUnit(Loc, SM.getFileLoc(R.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getFileLoc(R.getEnd()), Loc);
}

/// The pointer `E` dereferences (`*p`, `p->`, for raw and smart pointers),
/// or null.
const Expr *dereferenced(const Expr *E) {
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_Deref)
    return Unary->getSubExpr();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 1 &&
      (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow))
    return Op->getArg(0);
  return nullptr;
}

/// The channel (or the pointer to it) `E` names.
const ValueDecl *channelOf(const Expr *E) {
  E = stripTransparent(E);
  if (const Expr *Pointer = dereferenced(E))
    E = stripTransparent(Pointer);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

/// Collects the uses of one channel, party by party.
class Collector {
public:
  Collector(const ApiModel &Model, ChannelParties &Ch, ASTContext &Ctx)
      : Model(Model), Ch(Ch), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  /// Collects party `Index`'s uses, and those of the tasks it spawns;
  /// false once the channel escapes.
  bool collect(unsigned Index, unsigned Depth);

private:
  /// Each classify* adds what a reference to the channel does to party
  /// `Index` (or to the task whose body holds it), or marks the channel
  /// `Unknown`; those that return bool return false when the reference is
  /// not their kind of use. `Up` is the reference's value parent, `Child`
  /// the node below it.
  bool classifyInLambda(unsigned Index, const DeclRefExpr *Ref, unsigned Depth);
  bool classifyRangeFor(unsigned Index, const DynTypedNode &Up,
                        const Stmt *Child);
  bool classifySelectCaseArgument(unsigned Index, const Stmt *Parent,
                                  const Stmt *Child);
  bool classifySpawnArgument(unsigned Index, const Stmt *Parent,
                             const Stmt *Child, unsigned Depth);
  void classifyMemberCall(unsigned Index, const MemberExpr *Member);
  void classify(unsigned Index, const DeclRefExpr *Ref, unsigned Depth);
  void classifySelectCase(unsigned Index, const CallExpr *Case, bool IsRecv);

  void addTask(unsigned Index, const Expr *Spawn, const FunctionDecl *Fn,
               const ValueDecl *Var, unsigned Depth);
  void addOp(unsigned Index, OpKind Kind, const Stmt *S, SourceLocation Loc,
             const Expr *OtherCase = nullptr);
  /// True if a loop of the party, one that does not also make the channel,
  /// encloses `S`; `Count` (if given) gets how many times it runs.
  bool inLoop(unsigned Index, const Stmt *S, unsigned *Count = nullptr,
              const Stmt **Outermost = nullptr);
  /// True if `D` is a local channel nothing can make ready: only received
  /// from, never sent to, closed, captured or passed on.
  bool neverReady(const ValueDecl *D) const;

  const ApiModel &Model;
  ChannelParties &Ch;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseSet<const LambdaExpr *> SeenLambdas;
  /// The channel escapes, or is used in a way the collector cannot follow.
  bool Unknown = false;
};

bool Collector::inLoop(unsigned Index, const Stmt *S, unsigned *Count,
                       const Stmt **Outermost) {
  const Party &P = Ch.Parties[Index];
  bool Found = false;
  if (Count)
    *Count = 1;
  const Stmt *Child = S;
  for (const Stmt *A : analysis::ancestorsBelow(S, P.Body, Ctx)) {
    if (analysis::isLoop(A) && analysis::repeatsEachIteration(A, Child)) {
      if (contains(A, Ch.Var->getLocation(), SM) && Index == 0)
        break; // the channel is made anew on each iteration
      Found = true;
      if (Outermost)
        *Outermost = A;
      if (Count)
        *Count = analysis::mulCounts(*Count, analysis::tripCount(A, Ctx));
    }
    Child = A;
  }
  return Found;
}

void Collector::addOp(unsigned Index, OpKind Kind, const Stmt *S,
                      SourceLocation Loc, const Expr *OtherCase) {
  const Stmt *Loop = nullptr;
  unsigned Times = 1;
  bool InLoop = inLoop(Index, S, &Times, &Loop);
  ChannelOp O{Kind, S, Loc, InLoop, Times, nullptr, OtherCase};
  // A path that reaches a loop which receives is taken to receive: the
  // CFG cannot tell that `for (i = 0; i < 3; ++i)` runs at all.
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
    O.LoopCond = For->getCond();
  else if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    O.LoopCond = While->getCond();
  else if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    O.LoopCond = Range->getCond();
  // A range-for is a terminator, not an element of the CFG: its condition
  // stands for it.
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S); Range && !O.LoopCond)
    O.LoopCond = Range->getCond();
  Ch.Parties[Index].Ops.push_back(O);
}

bool Collector::collect(unsigned Index, unsigned Depth) {
  if (Depth > MaxTaskDepth) {
    Unknown = true;
    return false;
  }
  const Party &P = Ch.Parties[Index];
  for (const DeclRefExpr *Ref : analysis::referencesTo(P.Var, *P.Body, Ctx)) {
    if (Unknown)
      break;
    classify(Index, Ref, Depth);
  }
  return !Unknown;
}

bool Collector::neverReady(const ValueDecl *D) const {
  const FunctionDecl *Owner = analysis::owningFunction(D);
  if (!Owner)
    return false;
  return llvm::all_of(
      analysis::referencesTo(D, *Owner->getBody(), Ctx),
      [&](const DeclRefExpr *Ref) {
        DynTypedNode Parent = valueParent(Ref, Ctx);
        if (const auto *Member = Parent.get<MemberExpr>()) {
          const auto *Call =
              dyn_cast_or_null<CallExpr>(valueParent(Member, Ctx).get<Stmt>());
          return Call && Model.isRecv(Call->getDirectCallee());
        }
        const auto *Case = Parent.get<CallExpr>();
        return Case && Case->getNumArgs() > 0 &&
               stripTransparent(Case->getArg(0)) == Ref &&
               hasRole(Case->getDirectCallee(), role::SelectRecvCase);
      });
}

void Collector::addTask(unsigned Index, const Expr *Spawn,
                        const FunctionDecl *Fn, const ValueDecl *Var,
                        unsigned Depth) {
  if (!Fn || !Fn->hasBody() || Fn->isInvalidDecl() ||
      SM.isInSystemHeader(Fn->getLocation())) {
    Unknown = true;
    return;
  }
  Party Task;
  Task.Fn = Fn;
  Task.Body = Fn->getBody();
  Task.Var = Var;
  Task.Spawn = Spawn;
  Task.Parent = int(Index);
  Task.OwnerSpawn = Index == 0 ? Spawn : Ch.Parties[Index].OwnerSpawn;
  unsigned Count = 1;
  inLoop(Index, Spawn, &Count);
  Task.Mult = analysis::mulCounts(Ch.Parties[Index].Mult, Count);
  Ch.Parties.push_back(Task);
  collect(Ch.Parties.size() - 1, Depth + 1);
}

void Collector::classify(unsigned Index, const DeclRefExpr *Ref,
                         unsigned Depth) {
  if (classifyInLambda(Index, Ref, Depth))
    return;
  const Stmt *Child = Ref;
  DynTypedNode Up = valueParent(Ref, Ctx, &Child);
  // A channel held through a pointer: what `*p` or `p->` does is what the
  // channel does (`p->send(v)` on a raw pointer is a member call already).
  if (const auto *Deref = Up.get<Expr>();
      Deref && Model.isChannelHolder(Ch.Parties[Index].Var->getType()) &&
      dereferenced(Deref) == Child)
    Up = valueParent(Deref, Ctx, &Child);
  if (classifyRangeFor(Index, Up, Child))
    return;
  const Stmt *Parent = Up.get<Stmt>();
  if (!Parent) {
    Unknown = true;
    return;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(Parent))
    return classifyMemberCall(Index, Member);
  if (classifySelectCaseArgument(Index, Parent, Child) ||
      classifySpawnArgument(Index, Parent, Child, Depth))
    return;
  Unknown = true; // passed on, stored, copied, returned: it escapes
}

bool Collector::classifyInLambda(unsigned Index, const DeclRefExpr *Ref,
                                 unsigned Depth) {
  // Inside a lambda of this party? Then it must be the body of a task
  // spawned here; its uses are collected as that task's.
  const Party &P = Ch.Parties[Index];
  const LambdaExpr *Outermost = nullptr;
  bool InBody = false;
  const Stmt *Below = Ref;
  forEachAncestor(Ref, Ctx, [&](const DynTypedNode &Up, const DynTypedNode &) {
    if (Up.get<FunctionDecl>() && !Up.get<CXXMethodDecl>())
      return false;
    if (const Stmt *S = Up.get<Stmt>()) {
      if (S == P.Body)
        return false;
      if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
        Outermost = Lambda;
        InBody = Below == Lambda->getBody() || !Below;
      }
      Below = S;
      return true;
    }
    if (!Up.get<Decl>())
      return false;
    Below = nullptr; // through the call operator: inside the body
    return true;
  });
  if (!Outermost)
    return false;
  // `[c = ch]`, `[p = std::move(p)]`: a new variable the collector does not
  // follow.
  if (llvm::any_of(Outermost->captures(), [&](const LambdaCapture &C) {
        const auto *Init = C.capturesVariable()
                               ? dyn_cast<VarDecl>(C.getCapturedVar())
                               : nullptr;
        return Init && Init->isInitCapture() && Init->getInit() &&
               contains(Init->getInit(), Ref->getLocation(), SM);
      })) {
    Unknown = true;
    return true;
  }
  if (!InBody || !SeenLambdas.insert(Outermost).second)
    return true; // the capture itself, or a task already collected
  // Find the spawn site whose body is this lambda.
  const Expr *SiteExpr = nullptr;
  std::optional<SpawnSite> Site;
  forEachAncestor(
      Outermost, Ctx, [&](const DynTypedNode &Up, const DynTypedNode &) {
        SiteExpr = Up.get<Expr>();
        Site = SiteExpr ? Model.getSpawnSite(SiteExpr) : std::nullopt;
        return SiteExpr && !Site;
      });
  if (Site &&
      ApiModel::getTaskFunction(Site->Body) == Outermost->getCallOperator())
    addTask(Index, SiteExpr, Outermost->getCallOperator(), P.Var, Depth);
  else
    Unknown = true; // captured by a lambda that is not a task
  return true;
}

bool Collector::classifyRangeFor(unsigned Index, const DynTypedNode &Up,
                                 const Stmt *Child) {
  const CXXForRangeStmt *For = nullptr;
  if (const auto *Range = Up.get<VarDecl>()) {
    // The implicit `__range` variable of the loop's range statement.
    DynTypedNode Holder = parentOf(Up, Ctx);
    if (const auto *DS = Holder.get<DeclStmt>()) {
      const auto *Loop = parentOf(Holder, Ctx).get<CXXForRangeStmt>();
      if (Loop && Loop->getRangeStmt() == DS && Range->isImplicit())
        For = Loop;
    }
  } else if (const auto *Loop = Up.get<CXXForRangeStmt>();
             Loop && Loop->getRangeInit() == Child) {
    For = Loop;
  }
  if (!For)
    return false;
  addOp(Index, OpKind::Range, For, For->getBeginLoc());
  return true;
}

void Collector::classifyMemberCall(unsigned Index, const MemberExpr *Member) {
  // ch.send(v), ch.recv(), ch.close(), ...
  const auto *Call =
      parentOf(DynTypedNode::create(*static_cast<const Stmt *>(Member)), Ctx)
          .get<CXXMemberCallExpr>();
  const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
  if (!Method) {
    Unknown = true;
    return;
  }
  if (isa<CXXConversionDecl>(Method))
    return; // if (ch)
  if (!Call || Call->getCallee()->IgnoreParens() != Member) {
    Unknown = true;
    return;
  }
  SourceLocation Loc = Call->getExprLoc();
  bool Named = Method->getIdentifier() != nullptr;
  if (Model.isSend(Method))
    addOp(Index, OpKind::Send, Call, Loc);
  else if (Model.isRecv(Method))
    addOp(Index, OpKind::Recv, Call, Loc);
  else if (Model.isClose(Method))
    addOp(Index, OpKind::Close, Call, Loc);
  else if (hasRole(Method, role::Cancellable) && Named &&
           Method->getName() == "recv")
    addOp(Index, OpKind::GiveUpRecv, Call, Loc,
          Call->getNumArgs() ? Call->getArg(0) : nullptr);
  else if (hasRole(Method, role::Cancellable) || hasRole(Method, role::TrySend))
    return; // sends that give up or never block
  else if (Named &&
           (Method->getName() == "size" || Method->getName() == "capacity" ||
            Method->getName() == "empty"))
    return;
  else
    Unknown = true; // try_recv, recv_only(), state(), ...
}

bool Collector::classifySelectCaseArgument(unsigned Index, const Stmt *Parent,
                                           const Stmt *Child) {
  const auto *Call = dyn_cast<CallExpr>(Parent);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || Call->getNumArgs() == 0 || Call->getArg(0) != Child)
    return false;
  if (hasRole(Callee, role::SelectRecvCase)) {
    classifySelectCase(Index, Call, /*IsRecv=*/true);
    return true;
  }
  if (hasRole(Callee, role::SelectSendCase)) {
    classifySelectCase(Index, Call, /*IsRecv=*/false);
    return true;
  }
  return false;
}

bool Collector::classifySpawnArgument(unsigned Index, const Stmt *Parent,
                                      const Stmt *Child, unsigned Depth) {
  // go(worker, ch): the worker's parameter is the channel.
  const auto *E = dyn_cast<Expr>(Parent);
  std::optional<SpawnSite> Site = E ? Model.getSpawnSite(E) : std::nullopt;
  if (!Site)
    return false;
  const FunctionDecl *Fn = ApiModel::getTaskFunction(Site->Body);
  for (unsigned I = 0; I < Site->NumArgs; ++I) {
    if (Site->Args[I] != Child)
      continue;
    QualType Param = Fn && I < Fn->getNumParams()
                         ? Fn->getParamDecl(I)->getType()
                         : QualType();
    if (Param.isNull() ||
        !(Model.isChannelType(Param) || Model.isChannelHolder(Param)))
      Unknown = true;
    else
      addTask(Index, E, Fn, Fn->getParamDecl(I), Depth);
    return true;
  }
  return false;
}

void Collector::classifySelectCase(unsigned Index, const CallExpr *Case,
                                   bool IsRecv) {
  // The select call that holds this case, above transparent nodes only.
  const CallExpr *Select = nullptr;
  forEachAncestor(Case, Ctx, [&](const DynTypedNode &Up, const DynTypedNode &) {
    const auto *S = Up.get<Stmt>();
    if (!S)
      return false;
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call && hasRole(Call->getDirectCallee(), role::Select))
      Select = Call;
    return !Select && analysis::isTransparent(S);
  });
  if (!Select) {
    Unknown = true; // a case kept for later
    return;
  }
  const Expr *GiveUp = nullptr, *Weak = nullptr;
  bool Other = false;
  for (const Expr *Arg : Select->arguments()) {
    const auto *C = dyn_cast<CallExpr>(stripTransparent(Arg));
    if (!C || C == Case)
      continue;
    const FunctionDecl *Callee = C->getDirectCallee();
    if (hasRole(Callee, role::SelectDoneCase)) {
      GiveUp = GiveUp ? GiveUp : C;
      continue;
    }
    if (hasRole(Callee, role::SelectRecvCase) && C->getNumArgs() > 0) {
      const Expr *Source = stripTransparent(C->getArg(0));
      if (const ValueDecl *D = channelOf(Source);
          D && D == Ch.Parties[Index].Var)
        continue; // the same channel twice
      const auto *SourceCall = dyn_cast<CallExpr>(Source);
      if (SourceCall && Model.isOneShotTimer(SourceCall->getDirectCallee())) {
        GiveUp = GiveUp ? GiveUp : C; // after(d)
        continue;
      }
      if (const auto *Done = dyn_cast_or_null<CXXMemberCallExpr>(SourceCall);
          Done && Model.isContextType(Done->getObjectType())) {
        GiveUp = GiveUp ? GiveUp : C; // ctx.done()
        continue;
      }
      if (neverReady(channelOf(Source)))
        continue; // nothing can ever send on it or close it
      if (channelOf(Source) && !Model.isTickerType(Source->getType())) {
        Weak = Weak ? Weak : C; // a second channel: stop, errc
        continue;
      }
    }
    Other = true; // a default, a send, a ticker: the check cannot tell
  }
  if (!GiveUp)
    GiveUp = Weak; // a timeout or cancellation names the give-up best
  if (Other) {
    if (IsRecv)
      Unknown = true;
    return;
  }
  if (!IsRecv) {
    if (!GiveUp)
      addOp(Index, OpKind::Send, Select, Case->getBeginLoc());
    return; // a send that can give up
  }
  if (GiveUp)
    addOp(Index, OpKind::GiveUpRecv, Select, Case->getBeginLoc(), GiveUp);
  else
    addOp(Index, OpKind::Recv, Select, Case->getBeginLoc());
}

} // namespace

std::optional<ChannelParties> collectChannelParties(const ApiModel &Model,
                                                    const VarDecl *Var,
                                                    const Expr *Init,
                                                    const FunctionDecl *Owner,
                                                    ASTContext &Ctx) {
  ChannelParties Ch;
  Ch.Var = Var;
  Ch.Owner = Owner;
  std::optional<uint64_t> Capacity = Model.channelCapacity(Init, Ctx, &Ch.Make);
  if (!Capacity && !Ch.Make)
    return std::nullopt; // not made here: the nil channel, a copy, a call
  Ch.CapacityKnown = Capacity.has_value();
  Ch.Capacity = Capacity.value_or(0);
  Party OwnerParty;
  OwnerParty.Fn = Owner;
  OwnerParty.Body = Owner->getBody();
  OwnerParty.Var = Var;
  Ch.Parties.push_back(OwnerParty);
  Ch.MadeInLoop = llvm::any_of(
      analysis::ancestorsBelow(Init, Owner->getBody(), Ctx), analysis::isLoop);
  if (!Collector(Model, Ch, Ctx).collect(0, 0) || Ch.Parties.size() < 2)
    return std::nullopt; // it escapes, or no task uses it
  return Ch;
}

} // namespace clang::tidy::tether::model
