//===--- UnboundedChannelSendCheck.cpp - tether clang-tidy ----------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// The unit of analysis is one local channel whose every use the check can
// see, with its parties (model/ChannelParties.h): the function that makes it
// and the tasks that get it. A blocking send in a task is reported when no
// receive can match it: every receiving party can stop receiving first (the
// owner returns or throws before it receives, or its select takes a give-up
// case; a receiving task returns), there is no receiver at all, or more
// sends can happen than receives plus buffer room, or the receiver drains one
// value per sender in a loop it can leave early. A task that ranges over the
// channel is reported when no party closes it on every path. A pointer to a
// channel (shared_ptr, unique_ptr, new) counts as the channel. Each shape
// of docs/checks/tether-unbounded-channel-send.md has one function here.
//
//===----------------------------------------------------------------------===//

#include "UnboundedChannelSendCheck.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using analysis::addCounts;
using analysis::mulCounts;
using analysis::UnboundedCount;
using model::ChannelOp;
using model::ChannelParties;
using model::OpKind;
using model::Party;

/// What the sends on one channel add up to.
struct UnboundedChannelSendCheck::SendTally {
  llvm::SmallVector<unsigned, 4> Senders, Receivers; ///< party indices
  unsigned Sends = 0;       ///< how many sends can happen, or UnboundedCount
  bool CanBuffer = false;   ///< a fix-it may buffer the channel to `Sends`
  bool TasksInLoop = false; ///< senders are started in a loop of no count
  /// A second send on one path of a task, and the first one before it.
  const ChannelOp *Double = nullptr, *DoubleFirst = nullptr;
};

namespace {

/// Matches a declaration statement once per local channel (or pointer to one)
/// it declares with an initialiser, binding the variable to "var" and the
/// initialiser to "init".
/// Written out rather than as declStmt(forEach(varDecl(...))): the finder
/// runs it on every declaration statement, and `forEach` memoizes each run.
AST_MATCHER_P(DeclStmt, declaresChannels, const model::ApiModel *, Model) {
  ast_matchers::internal::BoundNodesTreeBuilder Matches;
  bool Declares = false;
  for (const Decl *D : Node.decls()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        !Var->getAnyInitializer() ||
        !(Model->isChannelType(Var->getType()) ||
          Model->isChannelHolder(Var->getType())))
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

/// "'name'" for a named function, "the enclosing lambda" for a lambda.
std::string describe(const FunctionDecl *Fn) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
      Method && Method->getParent()->isLambda())
    return "the enclosing lambda";
  return "'" + Fn->getNameAsString() + "'";
}

/// True if nothing runs in `Body` after `S` (on its path): it is the last
/// statement of every block it is in, or followed only by a `return;`.
bool isLastAction(const Stmt *S, const Stmt *Body, ASTContext &Ctx) {
  const Stmt *Child = S;
  llvm::SmallVector<const Stmt *, 16> Chain =
      analysis::ancestorsBelow(S, Body, Ctx);
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

/// How many values the receiving parties `Receivers` can take.
unsigned countReceives(const ChannelParties &Ch,
                       llvm::ArrayRef<unsigned> Receivers) {
  unsigned Recvs = 0;
  for (unsigned R : Receivers) {
    const Party &Q = Ch.Parties[R];
    unsigned Count = 0;
    for (const ChannelOp &O : Q.Ops)
      if (O.Kind == OpKind::Range)
        Count = UnboundedCount;
      else if (O.Kind == OpKind::Recv || O.Kind == OpKind::GiveUpRecv)
        Count = addCounts(Count, O.Times);
    Recvs = addCounts(Recvs, mulCounts(Q.Mult, Count));
  }
  return Recvs;
}

/// The spawn site at which party `Sender` starts the receiving party
/// `Receiver` after its (first, not repeated) send; null if `Receiver` runs
/// when the send happens.
const Expr *startedAfterSend(const ChannelParties &Ch, unsigned Receiver,
                             unsigned Sender, const SourceManager &SM) {
  const ChannelOp *Send = Ch.Parties[Sender].firstSend();
  const Expr *Via = Ch.descendsFrom(Receiver, Sender)
                        ? Ch.spawnIn(Receiver, Sender)
                        : nullptr;
  if (!Via || Send->InLoop ||
      !SM.isBeforeInTranslationUnit(SM.getFileLoc(Send->Loc),
                                    SM.getFileLoc(Via->getBeginLoc())))
    return nullptr;
  return Via;
}

} // namespace

UnboundedChannelSendCheck::UnboundedChannelSendCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : TetherCheck(Name, Context, model::ChannelOptions | model::SpawnOptions),
      SuggestBuffering(Options.get("SuggestBuffering", true)) {}

void UnboundedChannelSendCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "SuggestBuffering", SuggestBuffering);
}

void UnboundedChannelSendCheck::registerCheckMatchers(MatchFinder *Finder) {
  Finder->addMatcher(declStmt(declaresChannels(&Model)), this);
}

void UnboundedChannelSendCheck::check(const MatchFinder::MatchResult &Result) {
  // A channel of each instantiation too: its capacity and its parties can
  // depend on the template's arguments.
  std::optional<MatchScope> Scope = scopeOf(Result, /*InInstantiations=*/true);
  const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var");
  const auto *Init = Result.Nodes.getNodeAs<Expr>("init");
  if (!Scope || !Scope->Fn || !Scope->Fn->hasBody() || !Var || !Init ||
      Var->isInvalidDecl() || Init->containsErrors())
    return;
  // Broken code in the function can hide an operation on the channel (clang
  // 22 drops a broken call from the AST altogether), so its parties are not
  // known.
  if (analysis::containsErrors(Scope->Fn->getBody()))
    return;
  ASTContext &Ctx = *Result.Context;
  std::optional<ChannelParties> Ch =
      model::collectChannelParties(Model, Var, Init, Scope->Fn, Ctx);
  if (!Ch)
    return;
  if (Ch->CapacityKnown)
    checkSends(*Ch, Ctx);
  checkRangesNeverClosed(*Ch, Ctx);
}

void UnboundedChannelSendCheck::checkSends(const ChannelParties &Ch,
                                           ASTContext &Ctx) {
  for (const Party &P : Ch.Parties)
    if (P.has(OpKind::Send) && P.receives())
      return; // a party both sends and receives: a protocol, not a leak
  SendTally Tally = tallySends(Ch, Ctx);
  if (Tally.Senders.empty() ||
      (Tally.Sends != UnboundedCount && Tally.Sends <= Ch.Capacity))
    return; // the buffer has room for every send

  // A send no receiver is running for (shape 5), or one every running
  // receiver can stop receiving before (shapes 1 and 2).
  bool ReportedAny = false;
  for (unsigned Sender : Tally.Senders)
    ReportedAny |= checkNoReceiver(Ch, Tally, Sender, Ctx) ||
                   checkReceiversStop(Ch, Tally, Sender, Ctx);
  if (ReportedAny || checkDrainLeftEarly(Ch, Tally, Ctx))
    return;
  // More sends than receives plus buffer room: shapes 3 and 4.
  const unsigned Recvs = countReceives(Ch, Tally.Receivers);
  const unsigned Room = addCounts(
      Recvs, Ch.Capacity > 64 ? UnboundedCount : unsigned(Ch.Capacity));
  if (Room == UnboundedCount || Tally.Sends <= Room)
    return;
  if (!checkDoubleSend(Ch, Tally, Recvs, Room, Ctx))
    checkMoreSendsThanReceives(Ch, Tally, Recvs, Ctx);
}

UnboundedChannelSendCheck::SendTally
UnboundedChannelSendCheck::tallySends(const ChannelParties &Ch,
                                      ASTContext &Ctx) {
  SendTally Tally;
  for (unsigned I = 1; I < Ch.Parties.size(); ++I)
    if (Ch.Parties[I].has(OpKind::Send))
      Tally.Senders.push_back(I);
  for (unsigned I = 0; I < Ch.Parties.size(); ++I)
    if (Ch.Parties[I].receives())
      Tally.Receivers.push_back(I);

  Tally.CanBuffer = SuggestBuffering && Ch.Make && !Ch.MadeInLoop &&
                    Ch.Capacity == 0 && !Ch.Make->getBeginLoc().isMacroID() &&
                    !Ch.Make->getEndLoc().isMacroID();
  for (unsigned S : Tally.Senders) {
    const Party &P = Ch.Parties[S];
    Tally.TasksInLoop |= P.Mult == UnboundedCount;
    unsigned PerPath = 0, Count = 0;
    for (const ChannelOp &O : P.Ops) {
      if (O.Kind != OpKind::Send)
        continue;
      ++Count;
      PerPath = std::max(PerPath, O.Times);
    }
    if (PerPath == 1 && Count > 1)
      if (analysis::FunctionPaths *Graph = pathsOf(P.Fn, Ctx))
        for (const ChannelOp &A : P.Ops)
          for (const ChannelOp &B : P.Ops)
            if (&A != &B && A.Kind == OpKind::Send && B.Kind == OpKind::Send &&
                !Tally.Double && Graph->reaches(A.S, B.S)) {
              PerPath = 2;
              Tally.Double = &B;
              Tally.DoubleFirst = &A;
            }
    Tally.Sends = addCounts(Tally.Sends, mulCounts(P.Mult, PerPath));
    Tally.CanBuffer &= Count == 1 && PerPath == 1 && P.Mult != UnboundedCount &&
                       isLastAction(P.firstSend()->S, P.Body, Ctx);
  }
  Tally.CanBuffer &= Tally.Sends <= 64; // not UnboundedCount either
  // One edit to a template serves every instantiation: a count of sends
  // that can depend on the template's arguments is not written into it.
  Tally.CanBuffer &=
      Tally.Sends == 1 || !Ch.Owner->getTemplateInstantiationPattern();
  return Tally;
}

void UnboundedChannelSendCheck::suggestBuffering(DiagnosticBuilder &Diag,
                                                 const ChannelParties &Ch,
                                                 const SendTally &Tally) {
  if (!Tally.CanBuffer)
    return;
  std::string Text = std::to_string(Tally.Sends);
  if (Ch.Make->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(Ch.Make->getArg(0)))
    Diag << FixItHint::CreateInsertion(Ch.Make->getRParenLoc(), Text);
  else
    Diag << FixItHint::CreateReplacement(Ch.Make->getArg(0)->getSourceRange(),
                                         Text);
}

void UnboundedChannelSendCheck::noteHowToFix(SourceLocation Loc,
                                             const SendTally &Tally) {
  diag(Loc,
       Tally.CanBuffer ? "buffer the channel so that the send cannot block: "
                         "'make_chan<T>(%0)'"
                       : "give the send a way out: 'ch.send(ctx, v)' or "
                         "'select(on_send(ch, v), on_done(ctx))'",
       DiagnosticIDs::Note)
      << Tally.Sends;
}

bool UnboundedChannelSendCheck::checkNoReceiver(const ChannelParties &Ch,
                                                const SendTally &Tally,
                                                unsigned Sender,
                                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const ChannelOp *Send = Ch.Parties[Sender].firstSend();
  const Expr *LateSpawn = nullptr;
  for (unsigned R : Tally.Receivers) {
    const Expr *Via = startedAfterSend(Ch, R, Sender, SM);
    if (!Via)
      return false; // a receiver that is running when the send happens
    LateSpawn = LateSpawn ? LateSpawn : Via;
  }
  if (!claim(Send->Loc, SM))
    return false;
  if (LateSpawn) {
    diag(Send->Loc, "send on %0 blocks forever: its only receiver is "
                    "started after the send")
        << Ch.Var;
    diag(LateSpawn->getBeginLoc(), "the receiving task is started here",
         DiagnosticIDs::Note);
    diag(Send->Loc, "start the receiver before sending", DiagnosticIDs::Note);
    return true;
  }
  {
    auto Diag =
        diag(Send->Loc, "send on %0 blocks forever: nothing receives from it")
        << Ch.Var;
    suggestBuffering(Diag, Ch, Tally);
  }
  diag(Ch.Var->getLocation(), "%0 is made here and never received from",
       DiagnosticIDs::Note)
      << Ch.Var;
  noteHowToFix(Send->Loc, Tally);
  return true;
}

namespace {

/// How a receiving party can stop receiving.
struct GiveUp {
  analysis::LeakingExit Exit;
  const Expr *OtherCase = nullptr; ///< set: a select's other case wins
};

/// How party `Receiver` can stop receiving before `Sender`'s send is matched,
/// if it can on some path from where `Sender` starts (or from its entry).
std::optional<GiveUp> findGiveUp(const ChannelParties &Ch, unsigned Receiver,
                                 unsigned Sender,
                                 analysis::FunctionPaths &Graph) {
  const Party &Q = Ch.Parties[Receiver];
  llvm::SmallPtrSet<const Stmt *, 8> Firm, Any;
  const Expr *OtherCase = nullptr;
  for (const ChannelOp &O : Q.Ops) {
    const Stmt *At = O.LoopCond ? O.LoopCond : O.S;
    if (O.Kind == OpKind::Recv || O.Kind == OpKind::Range)
      Firm.insert(At);
    if (O.Kind == OpKind::GiveUpRecv && !OtherCase)
      OtherCase = O.OtherCase;
    if (O.Kind != OpKind::Close && O.Kind != OpKind::Send)
      Any.insert(At);
  }
  const Expr *Start = nullptr;
  if (Receiver == 0)
    Start = Ch.Parties[Sender].OwnerSpawn;
  else if (Ch.descendsFrom(Sender, Receiver))
    Start = Ch.spawnIn(Sender, Receiver);
  auto Search = [&](const llvm::SmallPtrSet<const Stmt *, 8> &Discharges) {
    return Start ? Graph.findUndischargedExit(Start, Discharges)
                 : Graph.findUndischargedExitFromEntry(Discharges);
  };
  if (std::optional<analysis::LeakingExit> Exit = Search(Any))
    return GiveUp{*Exit, nullptr};
  if (std::optional<analysis::LeakingExit> Exit = Search(Firm);
      Exit && OtherCase)
    return GiveUp{*Exit, OtherCase};
  return std::nullopt;
}

} // namespace

bool UnboundedChannelSendCheck::checkReceiversStop(const ChannelParties &Ch,
                                                   const SendTally &Tally,
                                                   unsigned Sender,
                                                   ASTContext &Ctx) {
  // Can every receiving party that runs when the send happens stop
  // receiving before the send is matched? The first one names how.
  const SourceManager &SM = Ctx.getSourceManager();
  const ChannelOp *Send = Ch.Parties[Sender].firstSend();
  std::optional<GiveUp> First;
  unsigned FirstParty = 0;
  for (unsigned R : Tally.Receivers) {
    if (startedAfterSend(Ch, R, Sender, SM))
      continue; // not running when the send happens
    const Party &Q = Ch.Parties[R];
    analysis::FunctionPaths *Graph = pathsOf(Q.Fn, Ctx);
    if (!Graph || (R == 0 && Q.Fn->isMain()))
      return false;
    std::optional<GiveUp> G = findGiveUp(Ch, R, Sender, *Graph);
    if (!G)
      return false;
    if (!First) {
      First = G;
      FirstParty = R;
    }
  }
  if (!First || !claim(Send->Loc, SM))
    return false;
  const Party &Q = Ch.Parties[FirstParty];
  const int Exit = static_cast<int>(First->Exit.Kind);
  {
    auto Diag =
        FirstParty == 0
            ? (First->OtherCase
                   ? diag(Send->Loc, "send on %0 can block forever: %1 waits "
                                     "for it in a select that can take "
                                     "another case and stop receiving")
                   : diag(Send->Loc, "send on %0 can block forever: %1 can "
                                     "%select{return|throw|co_return|finish}2 "
                                     "before receiving from it"))
            : (First->OtherCase
                   ? diag(Send->Loc, "send on %0 can block forever: the task "
                                     "that receives from it can take another "
                                     "case of its select and stop receiving")
                   : diag(Send->Loc, "send on %0 can block forever: the task "
                                     "that receives from it can "
                                     "%select{return|throw|co_return|finish}2 "
                                     "before receiving"));
    Diag << Ch.Var << describe(Q.Fn) << Exit;
    suggestBuffering(Diag, Ch, Tally);
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
  noteHowToFix(Send->Loc, Tally);
  return true;
}

bool UnboundedChannelSendCheck::checkDoubleSend(const ChannelParties &Ch,
                                                const SendTally &Tally,
                                                unsigned Recvs, unsigned Room,
                                                ASTContext &Ctx) {
  if (!Tally.Double)
    return false;
  unsigned Single = 0;
  for (unsigned S : Tally.Senders)
    Single = addCounts(Single, Ch.Parties[S].Mult);
  if (Single > Room)
    return false; // too many senders even with one send each: shape 3
  if (!claim(Tally.Double->Loc, Ctx.getSourceManager()))
    return true;
  diag(Tally.Double->Loc, "second send on %0 on one path blocks forever: it "
                          "is received from only %1 time%s1")
      << Ch.Var << Recvs;
  diag(Tally.DoubleFirst->Loc,
       "the first send does not end the task; return after it",
       DiagnosticIDs::Note);
  return true;
}

void UnboundedChannelSendCheck::checkMoreSendsThanReceives(
    const ChannelParties &Ch, const SendTally &Tally, unsigned Recvs,
    ASTContext &Ctx) {
  const ChannelOp *Send = Ch.Parties[Tally.Senders.front()].firstSend();
  if (!claim(Send->Loc, Ctx.getSourceManager()))
    return;
  {
    auto Diag =
        Tally.Sends == UnboundedCount
            ? diag(Send->Loc,
                   "send on %0 can block forever: %select{a task sends on it "
                   "in a loop|tasks started in a loop send on it}3 but it is "
                   "received from only %1 time%s1")
            : diag(Send->Loc, "send on %0 can block forever: %2 sends can "
                              "happen but it is received from only %1 "
                              "time%s1");
    Diag << Ch.Var << Recvs << Tally.Sends << Tally.TasksInLoop;
    suggestBuffering(Diag, Ch, Tally);
  }
  for (unsigned S : llvm::drop_begin(Tally.Senders))
    diag(Ch.Parties[S].firstSend()->Loc, "another task sends on %0 here",
         DiagnosticIDs::Note)
        << Ch.Var;
  noteHowToFix(Send->Loc, Tally);
}

namespace {

/// The variable (or field) whose value, or size, `E` is: `n`, `shards`,
/// `shards.size()`, `this->shards_.size()`; null for anything else.
const ValueDecl *countSource(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Size = dyn_cast<CXXMemberCallExpr>(E);
      Size && Size->getNumArgs() == 0 && Size->getMethodDecl() &&
      Size->getMethodDecl()->getIdentifier() &&
      Size->getMethodDecl()->getName() == "size")
    E = Size->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

/// What bounds the loop `Loop`'s trip count: the range of a range-for, the
/// `n` of `for (...; i < n; ...)` (or `i != n`, `n > i`); null otherwise.
const ValueDecl *loopBound(const Stmt *Loop) {
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return countSource(Range->getRangeInit());
  const auto *For = dyn_cast_or_null<ForStmt>(Loop);
  const auto *Cond =
      For ? dyn_cast_or_null<BinaryOperator>(For->getCond()) : nullptr;
  if (!Cond)
    return nullptr;
  if (Cond->getOpcode() == BO_LT || Cond->getOpcode() == BO_NE)
    return countSource(Cond->getRHS());
  if (Cond->getOpcode() == BO_GT)
    return countSource(Cond->getLHS());
  return nullptr;
}

/// True if `Recv`, a receive of party `Receiver` in a loop, runs once per
/// send: the counts are the same constant, or the one sending party is
/// started in a loop of `Receiver` bounded by what bounds the receive's.
bool drainsEverySender(const ChannelParties &Ch, unsigned Receiver,
                       llvm::ArrayRef<unsigned> Senders, unsigned Sends,
                       const ChannelOp &Recv, ASTContext &Ctx) {
  if (!Recv.InLoop)
    return false;
  if (Recv.Times != UnboundedCount || Sends != UnboundedCount)
    return Recv.Times == Sends;
  if (Senders.size() != 1)
    return false;
  const Party &Sender = Ch.Parties[Senders.front()];
  if (Sender.Parent != int(Receiver) || Sender.firstSend()->InLoop)
    return false;
  const ValueDecl *Bound = loopBound(analysis::enclosingLoop(Recv.S, Ctx));
  return Bound &&
         Bound == loopBound(analysis::enclosingLoop(Sender.Spawn, Ctx));
}

} // namespace

bool UnboundedChannelSendCheck::checkDrainLeftEarly(const ChannelParties &Ch,
                                                    const SendTally &Tally,
                                                    ASTContext &Ctx) {
  // One receiving party, one send per sender, and a buffer that is known
  // to be smaller than the number of senders.
  if (Tally.Receivers.size() != 1 || Tally.Double ||
      (Tally.Sends == UnboundedCount && Ch.Capacity != 0))
    return false;
  const unsigned R = Tally.Receivers.front();
  const Party &Q = Ch.Parties[R];
  if (Q.Fn->isMain())
    return false; // leaving main ends the program
  const ChannelOp *Drain = nullptr;
  for (const ChannelOp &O : Q.Ops)
    if (O.Kind == OpKind::Recv &&
        drainsEverySender(Ch, R, Tally.Senders, Tally.Sends, O, Ctx)) {
      Drain = &O;
      break;
    }
  analysis::FunctionPaths *Graph = Drain ? pathsOf(Q.Fn, Ctx) : nullptr;
  if (!Graph)
    return false;
  // A path from the receive to an exit that neither comes back to a receive
  // (the next iteration, a loop that drains the rest: its condition stands
  // for it) nor closes the channel (which wakes the senders).
  llvm::SmallPtrSet<const Stmt *, 8> Discharges;
  for (const ChannelOp &O : Q.Ops) {
    const Stmt *Loop = O.InLoop ? analysis::enclosingLoop(O.S, Ctx) : nullptr;
    const Expr *Cond = analysis::getLoopCondition(Loop);
    if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
      Cond = Range->getCond();
    if (O.Kind == OpKind::Close || (O.Kind != OpKind::Send && !Cond))
      Discharges.insert(O.S);
    else if (O.Kind != OpKind::Send)
      Discharges.insert(Cond);
  }
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<analysis::LeakingExit> Exit =
      Graph->findUndischargedExit(Drain->S, Discharges);
  if (!Exit || !claim(Exit->Loc, SM))
    return false;
  {
    auto Diag = diag(Exit->Loc, "%0 can %select{return|throw|co_return|finish|"
                                "throw}1 before receiving from every sender "
                                "of %2; the senders not yet received from "
                                "block forever")
                << describe(Q.Fn) << static_cast<int>(Exit->Kind) << Ch.Var;
    suggestBuffering(Diag, Ch, Tally);
  }
  for (unsigned S : Tally.Senders) {
    const Party &P = Ch.Parties[S];
    diag(P.Spawn->getBeginLoc(),
         "%select{a sender is started here|%1 senders are started "
         "here|senders are started here in a loop}0",
         DiagnosticIDs::Note)
        << (P.Mult == 1                ? 0
            : P.Mult == UnboundedCount ? 2
                                       : 1)
        << P.Mult;
  }
  const ChannelOp *Send = Ch.Parties[Tally.Senders.front()].firstSend();
  diag(Send->Loc, "the send blocks here until its value is received",
       DiagnosticIDs::Note);
  noteHowToFix(Send->Loc, Tally);
  return true;
}

void UnboundedChannelSendCheck::checkRangesNeverClosed(const ChannelParties &Ch,
                                                       ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned P = 1; P < Ch.Parties.size(); ++P) {
    for (const ChannelOp &O : Ch.Parties[P].Ops) {
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
        for (const ChannelOp &X : Q.Ops)
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
        const Expr *Start = Ch.descendsFrom(P, C) ? Ch.spawnIn(P, C) : nullptr;
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
      if (Closed || !claim(O.Loc, SM))
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
