//===--- UnboundedChannelSendCheck.cpp - tether clang-tidy ----------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// The unit of analysis is one local channel: a variable made by a
// make-channel call (or constructed, for third-party channel types) whose
// every use the check can see. Its users are "parties": the function that
// makes it (the owner) and the tasks that get it, by capture or argument,
// at spawn sites in the owner or in those tasks. Any other use (passed to a
// function, stored, copied, captured by a lambda that is not a task body)
// means the channel escapes and the check stays silent.
//
// A blocking send in a task is reported when no receive can match it: every
// receiving party can stop receiving first (the owner returns or throws
// before it receives, or its select takes a give-up case; a receiving task
// returns), there is no receiver at all, or more sends can happen than
// receives plus buffer room. A task that ranges over the channel is
// reported when no party closes it on every path.
//
//===----------------------------------------------------------------------===//

#include "UnboundedChannelSendCheck.h"
#include "TetherChecks.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <limits>

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using analysis::isTransparent;
using analysis::ParentIndex;
using analysis::parentOf;
using analysis::stripTransparent;
using analysis::valueParent;

namespace {

/// What a use of the channel does.
enum class OpKind {
  Send,       ///< a blocking send (or a select whose only cases send)
  Recv,       ///< a receive that waits until it gets a value
  GiveUpRecv, ///< a receive that can give up: a select with another case
  Range,      ///< a range-for: receives until the channel is closed
  Close,
};

struct Op {
  OpKind Kind;
  const Stmt *S;                   ///< the call, select or range-for
  SourceLocation Loc;              ///< where to point at it
  bool InLoop = false;             ///< repeats (in a loop of its party)
  unsigned Times = 1;              ///< how often its loops run (or Unbounded)
  const Stmt *LoopCond = nullptr;  ///< the outermost such loop's condition
  const Expr *OtherCase = nullptr; ///< GiveUpRecv: the case that can win
};

/// `Unbounded` stands for "any number".
constexpr unsigned Unbounded = std::numeric_limits<unsigned>::max();

unsigned mul(unsigned A, unsigned B) {
  if (A == Unbounded || B == Unbounded)
    return Unbounded;
  uint64_t R = uint64_t(A) * B;
  return R >= Unbounded ? Unbounded : unsigned(R);
}

unsigned add(unsigned A, unsigned B) {
  if (A == Unbounded || B == Unbounded)
    return Unbounded;
  uint64_t R = uint64_t(A) + B;
  return R >= Unbounded ? Unbounded : unsigned(R);
}

/// The owner, or a task that uses the channel.
struct Party {
  const FunctionDecl *Fn = nullptr;
  const Stmt *Body = nullptr;
  const ValueDecl *Var = nullptr; ///< the channel, or the task's parameter
  const Expr *Spawn = nullptr;    ///< null for the owner
  int Parent = -1;
  /// The spawn site in the owner's body from which this task descends.
  const Expr *OwnerSpawn = nullptr;
  unsigned Mult = 1; ///< how many times the task is started
  llvm::SmallVector<Op, 4> Ops;

  bool has(OpKind K) const {
    return llvm::any_of(Ops, [K](const Op &O) { return O.Kind == K; });
  }
  bool receives() const {
    return has(OpKind::Recv) || has(OpKind::GiveUpRecv) || has(OpKind::Range);
  }
};

/// Matches a declaration statement once per local channel it declares with an
/// initialiser, binding the channel to "var" and the initialiser to "init".
/// Written out rather than as declStmt(forEach(varDecl(...))): the finder
/// runs it on every declaration statement, and `forEach` memoizes each run.
AST_MATCHER_P(DeclStmt, declaresChannels, const model::ApiModel *, Model) {
  ast_matchers::internal::BoundNodesTreeBuilder Matches;
  bool Declares = false;
  for (const Decl *D : Node.decls()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        !Var->getAnyInitializer() || !Model->isChannelType(Var->getType()))
      continue;
    ast_matchers::internal::BoundNodesTreeBuilder One(*Builder);
    One.setBinding("var", DynTypedNode::create(*Var));
    One.setBinding("init", DynTypedNode::create(*Var->getAnyInitializer()));
    Matches.addMatch(One);
    Declares = true;
  }
  if (Declares)
    *Builder = std::move(Matches);
  return Declares;
}

bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

const Stmt *loopBody(const Stmt *S) {
  if (const auto *For = dyn_cast<ForStmt>(S))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
    return Range->getBody();
  return nullptr;
}

/// True if `Child` of `Loop` runs on every iteration: the body, and the
/// condition (with a condition variable: `while (auto v = ch.recv())`) and
/// increment, but not a for's init-statement nor a range-for's range.
bool repeatsEachIteration(const Stmt *Loop, const Stmt *Child) {
  if (Child == loopBody(Loop))
    return true;
  if (isa<WhileStmt, DoStmt>(Loop))
    return true;
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return Child != For->getInit();
  return false;
}

bool contains(const Stmt *Outer, SourceLocation Loc, const SourceManager &SM) {
  SourceRange R = Outer->getSourceRange();
  Loc = SM.getFileLoc(Loc);
  return !SM.isBeforeInTranslationUnit(Loc, SM.getFileLoc(R.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getFileLoc(R.getEnd()), Loc);
}

/// The statements from `S` up to (not including) `Body`, innermost first.
llvm::SmallVector<const Stmt *, 16> ancestors(const Stmt *S, const Stmt *Body,
                                              ASTContext &Ctx) {
  llvm::SmallVector<const Stmt *, 16> Chain;
  DynTypedNode Node = DynTypedNode::create(*S);
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    Node = parentOf(Node, Ctx);
    while (!Node.get<Stmt>()) {
      if (Node.get<FunctionDecl>() || !Node.get<Decl>())
        return Chain;
      Node = parentOf(Node, Ctx);
    }
    const Stmt *P = Node.get<Stmt>();
    if (P == Body)
      return Chain;
    Chain.push_back(P);
  }
  return Chain;
}

/// How many times a `for (int i = a; i < b; ++i)` loop runs; Unbounded when
/// it is not that shape with constant bounds.
unsigned tripCount(const Stmt *Loop, ASTContext &Ctx) {
  const auto *For = dyn_cast<ForStmt>(Loop);
  if (!For || !For->getInit() || !For->getCond() || !For->getInc())
    return Unbounded;
  const auto *Init = dyn_cast<DeclStmt>(For->getInit());
  if (!Init || !Init->isSingleDecl())
    return Unbounded;
  const auto *Index = dyn_cast<VarDecl>(Init->getSingleDecl());
  if (!Index || !Index->getInit())
    return Unbounded;
  Expr::EvalResult From, To;
  if (!Index->getInit()->EvaluateAsInt(From, Ctx))
    return Unbounded;
  const auto *Cond = dyn_cast<BinaryOperator>(For->getCond()->IgnoreImplicit());
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_LE &&
                Cond->getOpcode() != BO_NE))
    return Unbounded;
  const auto *Ref = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreImpCasts());
  if (!Ref || Ref->getDecl() != Index ||
      !Cond->getRHS()->EvaluateAsInt(To, Ctx))
    return Unbounded;
  const auto *Inc = dyn_cast<UnaryOperator>(For->getInc()->IgnoreImplicit());
  if (!Inc || !Inc->isIncrementOp())
    return Unbounded;
  int64_t A = From.Val.getInt().getExtValue();
  int64_t B = To.Val.getInt().getExtValue();
  if (Cond->getOpcode() == BO_LE)
    ++B;
  if (B <= A)
    return 0;
  if (B - A > 4096)
    return Unbounded;
  return unsigned(B - A);
}

/// "'name'" for a named function, "the enclosing lambda" for a lambda.
std::string describe(const FunctionDecl *Fn) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
      Method && Method->getParent()->isLambda())
    return "the enclosing lambda";
  return "'" + Fn->getNameAsString() + "'";
}

} // namespace

struct UnboundedChannelSendCheck::Channel {
  const VarDecl *Var = nullptr;
  const FunctionDecl *Owner = nullptr;
  const CallExpr *Make = nullptr;
  uint64_t Capacity = 0;
  bool CapacityKnown = false;
  bool MadeInLoop = false;
  bool Unknown = false; ///< escapes, or used in a way the check cannot follow
  llvm::SmallVector<Party, 4> Parties;
};

namespace {

/// Collects the uses of one channel, party by party.
class Collector {
public:
  Collector(const model::ApiModel &Model,
            UnboundedChannelSendCheck::Channel &Ch, ASTContext &Ctx)
      : Model(Model), Ch(Ch), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  void collect(unsigned Index, unsigned Depth);

private:
  void classify(unsigned Index, const DeclRefExpr *Ref, unsigned Depth);
  void addTask(unsigned Index, const Expr *Spawn, const FunctionDecl *Fn,
               const ValueDecl *Var, unsigned Depth);
  void addOp(unsigned Index, OpKind Kind, const Stmt *S, SourceLocation Loc,
             const Expr *OtherCase = nullptr);
  /// True if a loop of the party, one that does not also make the channel,
  /// encloses `S`; `Count` (if given) gets how many times it runs.
  bool inLoop(unsigned Index, const Stmt *S, unsigned *Count = nullptr,
              const Stmt **Outermost = nullptr);
  void classifySelectCase(unsigned Index, const CallExpr *Case, bool IsRecv);
  const ValueDecl *channelOf(const Expr *E) const;
  /// True if `D` is a local channel nothing can make ready: only received
  /// from, never sent to, closed, captured or passed on.
  bool neverReady(const ValueDecl *D) const;

  const model::ApiModel &Model;
  UnboundedChannelSendCheck::Channel &Ch;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseSet<const LambdaExpr *> SeenLambdas;
};

bool Collector::inLoop(unsigned Index, const Stmt *S, unsigned *Count,
                       const Stmt **Outermost) {
  const Party &P = Ch.Parties[Index];
  bool Found = false;
  if (Count)
    *Count = 1;
  const Stmt *Child = S;
  for (const Stmt *A : ancestors(S, P.Body, Ctx)) {
    if (isLoop(A) && repeatsEachIteration(A, Child)) {
      if (contains(A, Ch.Var->getLocation(), SM) && Index == 0)
        break; // the channel is made anew on each iteration
      Found = true;
      if (Outermost)
        *Outermost = A;
      if (Count)
        *Count = mul(*Count, tripCount(A, Ctx));
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
  Op O{Kind, S, Loc, InLoop, Times, nullptr, OtherCase};
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

void Collector::collect(unsigned Index, unsigned Depth) {
  if (Depth > 4) {
    Ch.Unknown = true;
    return;
  }
  const ValueDecl *Var = Ch.Parties[Index].Var;
  const Stmt *Body = Ch.Parties[Index].Body;
  auto Refs =
      match(findAll(declRefExpr(to(valueDecl(equalsNode(Var)))).bind("ref")),
            *Body, Ctx);
  for (const BoundNodes &Nodes : Refs) {
    if (Ch.Unknown)
      return;
    classify(Index, Nodes.getNodeAs<DeclRefExpr>("ref"), Depth);
  }
}

bool Collector::neverReady(const ValueDecl *D) const {
  const FunctionDecl *Owner = analysis::owningFunction(D);
  if (!Owner)
    return false;
  auto Refs =
      match(findAll(declRefExpr(to(varDecl(equalsNode(D)))).bind("ref")),
            *Owner->getBody(), Ctx);
  return llvm::all_of(Refs, [&](const BoundNodes &Nodes) {
    const auto *Ref = Nodes.getNodeAs<DeclRefExpr>("ref");
    DynTypedNode Parent = valueParent(Ref, Ctx);
    if (const auto *Member = Parent.get<MemberExpr>()) {
      const auto *Call =
          dyn_cast_or_null<CallExpr>(valueParent(Member, Ctx).get<Stmt>());
      return Call && Model.isRecv(Call->getDirectCallee());
    }
    const auto *Case = Parent.get<CallExpr>();
    return Case && Case->getNumArgs() > 0 &&
           stripTransparent(Case->getArg(0)) == Ref &&
           model::hasRole(Case->getDirectCallee(), model::role::SelectRecvCase);
  });
}

const ValueDecl *Collector::channelOf(const Expr *E) const {
  E = stripTransparent(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

void Collector::addTask(unsigned Index, const Expr *Spawn,
                        const FunctionDecl *Fn, const ValueDecl *Var,
                        unsigned Depth) {
  if (!Fn || !Fn->hasBody() || Fn->isInvalidDecl() ||
      SM.isInSystemHeader(Fn->getLocation())) {
    Ch.Unknown = true;
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
  Task.Mult = mul(Ch.Parties[Index].Mult, Count);
  Ch.Parties.push_back(Task);
  collect(Ch.Parties.size() - 1, Depth + 1);
}

void Collector::classify(unsigned Index, const DeclRefExpr *Ref,
                         unsigned Depth) {
  const Party &P = Ch.Parties[Index];
  // Inside a lambda of this party? Then it must be the body of a task
  // spawned here; its uses are collected as that task's.
  const LambdaExpr *Outermost = nullptr;
  bool InBody = false;
  {
    DynTypedNode Node = DynTypedNode::create(*static_cast<const Stmt *>(Ref));
    const Stmt *Below = Ref;
    for (unsigned I = 0; I < 256; ++I) {
      DynTypedNode Up = parentOf(Node, Ctx);
      if (Up.get<FunctionDecl>() && !Up.get<CXXMethodDecl>())
        break;
      if (const Stmt *S = Up.get<Stmt>()) {
        if (S == P.Body)
          break;
        if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
          Outermost = Lambda;
          InBody = Below == Lambda->getBody() || !Below;
        }
        Below = S;
      } else if (Up.get<Decl>()) {
        Below = nullptr; // through the call operator: inside the body
      } else {
        break;
      }
      Node = Up;
    }
  }
  if (Outermost) {
    if (!InBody)
      return; // the capture itself
    if (!SeenLambdas.insert(Outermost).second)
      return;
    // Find the spawn site whose body is this lambda.
    DynTypedNode Node =
        DynTypedNode::create(*static_cast<const Stmt *>(Outermost));
    for (unsigned I = 0; I < 6; ++I) {
      Node = parentOf(Node, Ctx);
      const auto *E = Node.get<Expr>();
      if (!E)
        break;
      if (std::optional<model::SpawnSite> Site = Model.getSpawnSite(E)) {
        if (model::ApiModel::getTaskFunction(Site->Body) ==
            Outermost->getCallOperator()) {
          addTask(Index, E, Outermost->getCallOperator(), P.Var, Depth);
          return;
        }
        break;
      }
    }
    Ch.Unknown = true; // captured by a lambda that is not a task
    return;
  }

  // A range-for over the channel.
  {
    const Stmt *Child = Ref;
    DynTypedNode Up = valueParent(Ref, Ctx, &Child);
    if (const auto *Range = Up.get<VarDecl>()) {
      DynTypedNode Holder = parentOf(Up, Ctx);
      if (const auto *DS = Holder.get<DeclStmt>()) {
        DynTypedNode Loop = parentOf(Holder, Ctx);
        if (const auto *For = Loop.get<CXXForRangeStmt>();
            For && For->getRangeStmt() == DS && Range->isImplicit()) {
          addOp(Index, OpKind::Range, For, For->getBeginLoc());
          return;
        }
      }
    }
    if (const auto *For = Up.get<CXXForRangeStmt>();
        For && For->getRangeInit() == Child) {
      addOp(Index, OpKind::Range, For, For->getBeginLoc());
      return;
    }

    const Stmt *Parent = Up.get<Stmt>();
    if (!Parent) {
      Ch.Unknown = true;
      return;
    }
    // ch.send(v), ch.recv(), ch.close(), ...
    if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
      const auto *Call =
          parentOf(DynTypedNode::create(*static_cast<const Stmt *>(Member)),
                   Ctx)
              .get<CXXMemberCallExpr>();
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      if (!Method) {
        Ch.Unknown = true;
        return;
      }
      if (isa<CXXConversionDecl>(Method))
        return; // if (ch)
      if (!Call || Call->getCallee()->IgnoreParens() != Member) {
        Ch.Unknown = true;
        return;
      }
      SourceLocation Loc = Call->getExprLoc();
      if (Model.isSend(Method))
        addOp(Index, OpKind::Send, Call, Loc);
      else if (Model.isRecv(Method))
        addOp(Index, OpKind::Recv, Call, Loc);
      else if (Model.isClose(Method))
        addOp(Index, OpKind::Close, Call, Loc);
      else if (model::hasRole(Method, model::role::Cancellable) &&
               Method->getIdentifier() && Method->getName() == "recv")
        addOp(Index, OpKind::GiveUpRecv, Call, Loc,
              Call->getNumArgs() ? Call->getArg(0) : nullptr);
      else if (model::hasRole(Method, model::role::Cancellable) ||
               model::hasRole(Method, model::role::TrySend))
        return; // sends that give up or never block
      else if (Method->getIdentifier() && (Method->getName() == "size" ||
                                           Method->getName() == "capacity" ||
                                           Method->getName() == "empty"))
        return;
      else
        Ch.Unknown = true; // try_recv, recv_only(), state(), ...
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Call->getNumArgs() > 0 && Call->getArg(0) == Child) {
        if (model::hasRole(Callee, model::role::SelectRecvCase)) {
          classifySelectCase(Index, Call, /*IsRecv=*/true);
          return;
        }
        if (model::hasRole(Callee, model::role::SelectSendCase)) {
          classifySelectCase(Index, Call, /*IsRecv=*/false);
          return;
        }
      }
    }
    // go(worker, ch): the worker's parameter is the channel.
    if (const auto *E = dyn_cast<Expr>(Parent)) {
      if (std::optional<model::SpawnSite> Site = Model.getSpawnSite(E)) {
        const FunctionDecl *Fn = model::ApiModel::getTaskFunction(Site->Body);
        for (unsigned I = 0; I < Site->NumArgs; ++I)
          if (Site->Args[I] == Child) {
            if (!Fn || I >= Fn->getNumParams() ||
                !Model.isChannelType(Fn->getParamDecl(I)->getType())) {
              Ch.Unknown = true;
              return;
            }
            addTask(Index, E, Fn, Fn->getParamDecl(I), Depth);
            return;
          }
      }
    }
  }
  Ch.Unknown = true; // passed on, stored, copied, returned: it escapes
}

void Collector::classifySelectCase(unsigned Index, const CallExpr *Case,
                                   bool IsRecv) {
  // The select call that holds this case.
  const CallExpr *Select = nullptr;
  DynTypedNode Node = DynTypedNode::create(*static_cast<const Stmt *>(Case));
  for (unsigned I = 0; I < 8 && !Select; ++I) {
    Node = parentOf(Node, Ctx);
    const auto *S = Node.get<Stmt>();
    if (!S)
      break;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (model::hasRole(Call->getDirectCallee(), model::role::Select))
        Select = Call;
    if (!Select && !isTransparent(S))
      break;
  }
  if (!Select) {
    Ch.Unknown = true; // a case kept for later
    return;
  }
  const Expr *GiveUp = nullptr, *Weak = nullptr;
  bool Other = false;
  for (const Expr *Arg : Select->arguments()) {
    const auto *C = dyn_cast<CallExpr>(stripTransparent(Arg));
    if (!C || C == Case)
      continue;
    const FunctionDecl *Callee = C->getDirectCallee();
    if (model::hasRole(Callee, model::role::SelectDoneCase)) {
      GiveUp = GiveUp ? GiveUp : C;
      continue;
    }
    if (model::hasRole(Callee, model::role::SelectRecvCase) &&
        C->getNumArgs() > 0) {
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
      Ch.Unknown = true;
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

/// True if nothing runs in `Body` after `S` (on its path): it is the last
/// statement of every block it is in, or followed only by a `return;`.
bool isLastAction(const Stmt *S, const Stmt *Body, ASTContext &Ctx) {
  const Stmt *Child = S;
  llvm::SmallVector<const Stmt *, 16> Chain = ancestors(S, Body, Ctx);
  Chain.push_back(Body);
  for (const Stmt *A : Chain) {
    if (const auto *Block = dyn_cast<CompoundStmt>(A)) {
      bool After = false;
      for (const Stmt *Item : Block->body()) {
        if (Item == Child) {
          After = true;
          continue;
        }
        if (!After || isa<NullStmt>(Item))
          continue;
        const auto *Return = dyn_cast<ReturnStmt>(Item);
        if (!Return || Return->getRetValue())
          return false;
      }
    } else if (const auto *If = dyn_cast<IfStmt>(A)) {
      if (Child != If->getThen() && Child != If->getElse())
        return false;
    } else if (!isa<Expr>(A)) {
      return false; // a loop, a switch, a try
    }
    Child = A;
  }
  return true;
}

} // namespace

UnboundedChannelSendCheck::UnboundedChannelSendCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Model(Options, model::ChannelOptions | model::SpawnOptions),
      RegistersRoots(ownsParentIndexRoots(*Context, Name)),
      SuggestBuffering(Options.get("SuggestBuffering", true)) {}

void UnboundedChannelSendCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Model.storeOptions(Options, Opts);
  Options.store(Opts, "SuggestBuffering", SuggestBuffering);
}

void UnboundedChannelSendCheck::registerMatchers(MatchFinder *Finder) {
  // The function that declares the channel comes from the parent index in
  // check(): see ParentIndex.h.
  if (RegistersRoots)
    ParentIndex::registerRootMatcher(Finder, this);
  Finder->addMatcher(declStmt(declaresChannels(&Model)), this);
}

void UnboundedChannelSendCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var");
  const auto *Init = Result.Nodes.getNodeAs<Expr>("init");
  if (!Var || !Init || Var->isInvalidDecl() || Init->containsErrors() ||
      isInSystemHeader(Init, *Result.SourceManager))
    return;
  const FunctionDecl *Fn =
      ParentIndex::of(*Result.Context).enclosingFunction(Init);
  if (!Fn || Fn->isInvalidDecl() || !Fn->hasBody())
    return;
  checkChannel(Var, Init, Fn, *Result.Context);
}

void UnboundedChannelSendCheck::onEndOfTranslationUnit() {
  forgetTranslationUnit();
  Paths.clear();
  Reported.clear();
}

bool UnboundedChannelSendCheck::claim(SourceLocation Loc,
                                      const SourceManager &SM) {
  if (Loc.isInvalid() || (Loc.isMacroID() && SM.isInSystemMacro(Loc)) ||
      SM.isInSystemHeader(SM.getFileLoc(Loc)))
    return false;
  return Reported.insert(SM.getFileLoc(Loc).getRawEncoding()).second;
}

analysis::FunctionPaths *
UnboundedChannelSendCheck::pathsOf(const FunctionDecl *Fn, ASTContext &Ctx) {
  auto [It, Inserted] = Paths.try_emplace(Fn);
  if (Inserted)
    It->second = analysis::FunctionPaths::build(Fn, Ctx);
  return It->second.get();
}

void UnboundedChannelSendCheck::checkChannel(const VarDecl *Var,
                                             const Expr *Init,
                                             const FunctionDecl *Owner,
                                             ASTContext &Ctx) {
  Channel Ch;
  Ch.Var = Var;
  Ch.Owner = Owner;
  std::optional<uint64_t> Capacity = Model.channelCapacity(Init, Ctx, &Ch.Make);
  if (!Capacity && !Ch.Make)
    return; // not made here: the nil channel, a copy, a call result
  Ch.CapacityKnown = Capacity.has_value();
  Ch.Capacity = Capacity.value_or(0);
  Party OwnerParty;
  OwnerParty.Fn = Owner;
  OwnerParty.Body = Owner->getBody();
  OwnerParty.Var = Var;
  Ch.Parties.push_back(OwnerParty);
  for (const Stmt *A : ancestors(Init, Owner->getBody(), Ctx))
    Ch.MadeInLoop |= isLoop(A);

  Collector(Model, Ch, Ctx).collect(0, 0);
  if (Ch.Unknown || Ch.Parties.size() < 2)
    return; // it escapes, or no task uses it
  if (Ch.CapacityKnown)
    checkSends(Ch, Ctx);
  checkRanges(Ch, Ctx);
}

namespace {

/// How a receiving party can stop receiving.
struct GiveUp {
  analysis::LeakingExit Exit;
  const Expr *OtherCase = nullptr; ///< set: a select's other case wins
};

/// True if party `Q` is `S` or spawned (directly or not) by it.
bool descendsFrom(const UnboundedChannelSendCheck::Channel &Ch, int Q, int S) {
  for (; Q >= 0; Q = Ch.Parties[Q].Parent)
    if (Q == S)
      return true;
  return false;
}

/// The spawn site in party `Ancestor`'s body from which `Q` descends.
const Expr *spawnIn(const UnboundedChannelSendCheck::Channel &Ch, int Q,
                    int Ancestor) {
  for (; Q >= 0; Q = Ch.Parties[Q].Parent)
    if (Ch.Parties[Q].Parent == Ancestor)
      return Ch.Parties[Q].Spawn;
  return nullptr;
}

} // namespace

void UnboundedChannelSendCheck::checkSends(Channel &Ch, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const unsigned N = Ch.Parties.size();
  for (const Party &P : Ch.Parties)
    if (P.has(OpKind::Send) && P.receives())
      return; // a party both sends and receives: a protocol, not a leak

  llvm::SmallVector<unsigned, 4> Senders, Receivers;
  for (unsigned I = 1; I < N; ++I)
    if (Ch.Parties[I].has(OpKind::Send))
      Senders.push_back(I);
  for (unsigned I = 0; I < N; ++I)
    if (Ch.Parties[I].receives())
      Receivers.push_back(I);
  if (Senders.empty())
    return;

  auto FirstSend = [](const Party &P) -> const Op * {
    for (const Op &O : P.Ops)
      if (O.Kind == OpKind::Send)
        return &O;
    return nullptr;
  };

  // How many sends can happen, and whether the fix-it may buffer them.
  unsigned Sends = 0;
  bool CanBuffer = SuggestBuffering && Ch.Make && !Ch.MadeInLoop &&
                   Ch.Capacity == 0 && !Ch.Make->getBeginLoc().isMacroID() &&
                   !Ch.Make->getEndLoc().isMacroID();
  const Op *Double = nullptr, *DoubleFirst = nullptr;
  bool TasksInLoop = false; // else a task sends in a loop of unknown count
  for (unsigned S : Senders) {
    const Party &P = Ch.Parties[S];
    TasksInLoop |= P.Mult == Unbounded;
    unsigned PerPath = 0, Count = 0;
    for (const Op &O : P.Ops) {
      if (O.Kind != OpKind::Send)
        continue;
      ++Count;
      PerPath = std::max(PerPath, O.Times);
    }
    if (PerPath == 1 && Count > 1)
      if (analysis::FunctionPaths *Graph = pathsOf(P.Fn, Ctx))
        for (const Op &A : P.Ops)
          for (const Op &B : P.Ops)
            if (&A != &B && A.Kind == OpKind::Send && B.Kind == OpKind::Send &&
                !Double && Graph->reaches(A.S, B.S)) {
              PerPath = 2;
              Double = &B;
              DoubleFirst = &A;
            }
    Sends = add(Sends, mul(P.Mult, PerPath));
    const Op *Only = FirstSend(P);
    CanBuffer &= Count == 1 && PerPath == 1 && P.Mult != Unbounded &&
                 isLastAction(Only->S, P.Body, Ctx);
  }
  CanBuffer &= Sends != Unbounded && Sends <= 64;
  if (Sends != Unbounded && Sends <= Ch.Capacity)
    return; // the buffer has room for every send

  auto Buffer = [&](DiagnosticBuilder &Diag) {
    if (!CanBuffer)
      return;
    std::string Text = std::to_string(Sends);
    if (Ch.Make->getNumArgs() == 0 ||
        isa<CXXDefaultArgExpr>(Ch.Make->getArg(0)))
      Diag << FixItHint::CreateInsertion(Ch.Make->getRParenLoc(), Text);
    else
      Diag << FixItHint::CreateReplacement(Ch.Make->getArg(0)->getSourceRange(),
                                           Text);
  };
  auto HowToFix = [&](SourceLocation Loc) {
    diag(Loc,
         CanBuffer ? "buffer the channel so that the send cannot block: "
                     "'make_chan<T>(%0)'"
                   : "give the send a way out: 'ch.send(ctx, v)' or "
                     "'select(on_send(ch, v), on_done(ctx))'",
         DiagnosticIDs::Note)
        << Sends;
  };

  bool ReportedAny = false;
  for (unsigned S : Senders) {
    const Party &Sender = Ch.Parties[S];
    const Op *Send = FirstSend(Sender);
    llvm::SmallVector<unsigned, 4> Live;
    const Expr *LateSpawn = nullptr;
    for (unsigned R : Receivers) {
      const Expr *Via = descendsFrom(Ch, R, S) ? spawnIn(Ch, R, S) : nullptr;
      if (Via &&
          SM.isBeforeInTranslationUnit(SM.getFileLoc(Send->Loc),
                                       SM.getFileLoc(Via->getBeginLoc())) &&
          !Send->InLoop) {
        LateSpawn = LateSpawn ? LateSpawn : Via;
        continue; // started by the sender after it sends
      }
      Live.push_back(R);
    }

    if (Live.empty()) {
      if (!claim(Send->Loc, SM))
        continue;
      ReportedAny = true;
      if (LateSpawn) {
        diag(Send->Loc, "send on %0 blocks forever: its only receiver is "
                        "started after the send")
            << Ch.Var;
        diag(LateSpawn->getBeginLoc(), "the receiving task is started here",
             DiagnosticIDs::Note);
        diag(Send->Loc, "start the receiver before sending",
             DiagnosticIDs::Note);
      } else {
        {
          auto Diag =
              diag(Send->Loc, "send on %0 blocks forever: nothing receives "
                              "from it")
              << Ch.Var;
          Buffer(Diag);
        }
        diag(Ch.Var->getLocation(), "%0 is made here and never received from",
             DiagnosticIDs::Note)
            << Ch.Var;
        HowToFix(Send->Loc);
      }
      continue;
    }

    // Can every receiving party stop receiving before this send is matched?
    std::optional<GiveUp> First;
    unsigned FirstParty = 0;
    bool AllGiveUp = true;
    for (unsigned R : Live) {
      const Party &Q = Ch.Parties[R];
      analysis::FunctionPaths *Graph = pathsOf(Q.Fn, Ctx);
      if (!Graph || (R == 0 && Q.Fn->isMain())) {
        AllGiveUp = false;
        break;
      }
      llvm::SmallPtrSet<const Stmt *, 8> Firm, Any;
      const Expr *OtherCase = nullptr;
      for (const Op &O : Q.Ops) {
        const Stmt *At = O.LoopCond ? O.LoopCond : O.S;
        if (O.Kind == OpKind::Recv || O.Kind == OpKind::Range)
          Firm.insert(At);
        if (O.Kind == OpKind::GiveUpRecv && !OtherCase)
          OtherCase = O.OtherCase;
        if (O.Kind != OpKind::Close && O.Kind != OpKind::Send)
          Any.insert(At);
      }
      const Expr *Start = nullptr;
      if (R == 0)
        Start = Sender.OwnerSpawn;
      else if (descendsFrom(Ch, S, R))
        Start = spawnIn(Ch, S, R);
      auto Search = [&](const llvm::SmallPtrSet<const Stmt *, 8> &D) {
        return Start ? Graph->findUndischargedExit(Start, D)
                     : Graph->findUndischargedExitFromEntry(D);
      };
      std::optional<GiveUp> G;
      if (std::optional<analysis::LeakingExit> Exit = Search(Any))
        G = GiveUp{*Exit, nullptr};
      else if (std::optional<analysis::LeakingExit> Exit = Search(Firm);
               Exit && OtherCase)
        G = GiveUp{*Exit, OtherCase};
      if (!G) {
        AllGiveUp = false;
        break;
      }
      if (!First) {
        First = G;
        FirstParty = R;
      }
    }
    if (!AllGiveUp || !First || !claim(Send->Loc, SM))
      continue;
    ReportedAny = true;
    const Party &Q = Ch.Parties[FirstParty];
    const int Exit = static_cast<int>(First->Exit.Kind);
    {
      auto Diag =
          FirstParty == 0
              ? (First->OtherCase
                     ? diag(Send->Loc,
                            "send on %0 can block forever: %1 waits "
                            "for it in a select that can take another "
                            "case and stop receiving")
                     : diag(Send->Loc,
                            "send on %0 can block forever: %1 can "
                            "%select{return|throw|co_return|finish}2 "
                            "before receiving from it"))
              : (First->OtherCase
                     ? diag(Send->Loc, "send on %0 can block forever: the task "
                                       "that receives from it can take another "
                                       "case of its select and stop receiving")
                     : diag(Send->Loc,
                            "send on %0 can block forever: the task "
                            "that receives from it can "
                            "%select{return|throw|co_return|finish}2 "
                            "before receiving"));
      Diag << Ch.Var << describe(Q.Fn) << Exit;
      Buffer(Diag);
    }
    if (First->OtherCase)
      diag(First->OtherCase->getBeginLoc(),
           "if this case is taken first, nothing receives the value",
           DiagnosticIDs::Note);
    else
      diag(First->Exit.Loc,
           "%select{returns|throws|co_returns|ends}0 here without receiving "
           "from %1",
           DiagnosticIDs::Note)
          << Exit << Ch.Var;
    HowToFix(Send->Loc);
  }
  if (ReportedAny)
    return;

  // More sends than receives plus buffer room: N senders, or a double send.
  unsigned Recvs = 0;
  for (unsigned R : Receivers) {
    const Party &Q = Ch.Parties[R];
    unsigned Count = 0;
    for (const Op &O : Q.Ops)
      if (O.Kind == OpKind::Range)
        Count = Unbounded;
      else if (O.Kind == OpKind::Recv || O.Kind == OpKind::GiveUpRecv)
        Count = add(Count, O.Times);
    Recvs = add(Recvs, mul(Q.Mult, Count));
  }
  const unsigned Room =
      add(Recvs, Ch.Capacity > 64 ? Unbounded : unsigned(Ch.Capacity));
  if (Room == Unbounded || Sends <= Room)
    return;

  if (Double) {
    unsigned Single = 0;
    for (unsigned S : Senders)
      Single = add(Single, Ch.Parties[S].Mult);
    if (Single <= Room) {
      if (!claim(Double->Loc, SM))
        return;
      diag(Double->Loc, "second send on %0 on one path blocks forever: it is "
                        "received from only %1 time%s1")
          << Ch.Var << Recvs;
      diag(DoubleFirst->Loc,
           "the first send does not end the task; return after it",
           DiagnosticIDs::Note);
      return;
    }
  }
  const Op *Send = FirstSend(Ch.Parties[Senders.front()]);
  if (!claim(Send->Loc, SM))
    return;
  {
    auto Diag =
        Sends == Unbounded
            ? diag(Send->Loc,
                   "send on %0 can block forever: %select{a task sends on it "
                   "in a loop|tasks started in a loop send on it}3 but it is "
                   "received from only %1 time%s1")
            : diag(Send->Loc, "send on %0 can block forever: %2 sends can "
                              "happen but it is received from only %1 "
                              "time%s1");
    Diag << Ch.Var << Recvs << Sends << TasksInLoop;
    Buffer(Diag);
  }
  for (unsigned S : llvm::drop_begin(Senders))
    diag(FirstSend(Ch.Parties[S])->Loc, "another task sends on %0 here",
         DiagnosticIDs::Note)
        << Ch.Var;
  HowToFix(Send->Loc);
}

void UnboundedChannelSendCheck::checkRanges(Channel &Ch, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned P = 1; P < Ch.Parties.size(); ++P) {
    const Party &Task = Ch.Parties[P];
    for (const Op &O : Task.Ops) {
      if (O.Kind != OpKind::Range)
        continue;
      const auto *For = cast<CXXForRangeStmt>(O.S);
      if (analysis::loopBodyHasExit(For->getBody()))
        continue; // it can leave before the channel is closed
      // Does some party close the channel on every path?
      bool Closed = false, AnyClose = false;
      std::optional<analysis::LeakingExit> Leak;
      const FunctionDecl *LeakFn = nullptr;
      for (unsigned C = 0; C < Ch.Parties.size() && !Closed; ++C) {
        const Party &Q = Ch.Parties[C];
        llvm::SmallPtrSet<const Stmt *, 8> Closes;
        for (const Op &X : Q.Ops)
          if (X.Kind == OpKind::Close)
            Closes.insert(X.S);
        if (Closes.empty())
          continue;
        AnyClose = true;
        analysis::FunctionPaths *Graph = pathsOf(Q.Fn, Ctx);
        if (!Graph) {
          Closed = true; // cannot tell: assume it does
          break;
        }
        const Expr *Start =
            descendsFrom(Ch, P, C) ? spawnIn(Ch, P, C) : nullptr;
        std::optional<analysis::LeakingExit> Exit =
            Start ? Graph->findUndischargedExit(Start, Closes)
                  : Graph->findUndischargedExitFromEntry(Closes);
        if (!Exit) {
          Closed = true;
        } else if (!Leak) {
          Leak = Exit;
          LeakFn = Q.Fn;
        }
      }
      if (Closed)
        continue;
      if (!claim(O.Loc, SM))
        continue;
      diag(O.Loc, "task ranges over %0, which %select{is never closed|is not "
                  "closed on every path}1; the loop never ends and the task "
                  "blocks forever")
          << Ch.Var << AnyClose;
      if (Leak)
        diag(Leak->Loc,
             "%0 %select{returns|throws|co_returns|ends}1 here without "
             "closing %2",
             DiagnosticIDs::Note)
            << describe(LeakFn) << static_cast<int>(Leak->Kind) << Ch.Var;
      diag(O.Loc,
           "close %0 after the last send on every path, e.g. in a scope guard",
           DiagnosticIDs::Note)
          << Ch.Var;
    }
  }
}

} // namespace clang::tidy::tether
