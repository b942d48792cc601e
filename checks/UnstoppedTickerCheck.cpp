//===--- UnstoppedTickerCheck.cpp - tether clang-tidy ---------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// A ticker fires until it is stopped. Go's time.Tick and a NewTicker never
// stopped leak a runtime timer; C++ has no collector, so here the leak is
// real: a timer entry, a wake-up every period, memory. The paths and
// hand-off rules are those of tether-dropped-cancellation
// (analysis/ObligationPaths, analysis/HandOff).
//
//===----------------------------------------------------------------------===//

#include "UnstoppedTickerCheck.h"
#include "analysis/HandOff.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "model/Asio.h"
#include "model/BlockingCalls.h"
#include "model/Matchers.h"
#include "utils/DeclRefExprUtils.h"
#include "utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using analysis::ParentIndex;
using analysis::valueParent;

namespace {

AST_MATCHER_P(CXXNewExpr, allocatesTicker, const model::ApiModel *, Model) {
  return !Node.isArray() && Model->isTickerType(Node.getAllocatedType());
}

AST_MATCHER_P(VarDecl, holdsTicker, const model::ApiModel *, Model) {
  return Model->isTickerHolder(Node.getType());
}

AST_MATCHER_P(CXXForRangeStmt, hasRangeInitOfChannel, const model::ApiModel *,
              Model) {
  const Expr *Init = Node.getRangeInit();
  return Init && Model->isChannelType(Init->getType());
}

AST_MATCHER(Expr, containsErrors) { return Node.containsErrors(); }

AST_MATCHER(Decl, isInInstantiation) {
  return analysis::isInTemplateInstantiation(&Node);
}

bool isDiscarded(const DynTypedNode &Parent) {
  const Stmt *S = Parent.get<Stmt>();
  if (!S)
    return false;
  if (isa<CompoundStmt>(S))
    return true;
  const auto *Cast = dyn_cast<ExplicitCastExpr>(S);
  return Cast && Cast->getTypeAsWritten()->isVoidType();
}

/// True if `E` is the range of a range-for: `for (auto t : E)`.
bool isRangeInit(const Expr *E, ASTContext &Ctx) {
  const CXXForRangeStmt *Range = nullptr;
  analysis::forEachAncestor(
      E, Ctx, [&](const DynTypedNode &Parent, const DynTypedNode &) {
        Range = Parent.get<CXXForRangeStmt>();
        return Range == nullptr;
      });
  return Range && Range->getRangeInit() &&
         Range->getRangeInit()->IgnoreImplicit() == E->IgnoreImplicit();
}

/// True inside the initialiser of a static or global variable.
bool inStaticInitializer(const Stmt *S, ASTContext &Ctx) {
  bool Static = false;
  analysis::forEachAncestor(
      S, Ctx, [&](const DynTypedNode &Parent, const DynTypedNode &) {
        if (Parent.get<LambdaExpr>() || Parent.get<FunctionDecl>())
          return false;
        if (const auto *Var = Parent.get<VarDecl>()) {
          Static = Var->hasGlobalStorage();
          return false;
        }
        return true;
      });
  return Static;
}

/// A `std::chrono::duration` constant in milliseconds, if `E` is one.
std::optional<double> constantMilliseconds(const Expr *E, ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->containsErrors())
    return std::nullopt;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      E->getType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || !Spec->getIdentifier() || Spec->getName() != "duration" ||
      Spec->getTemplateArgs().size() != 2)
    return std::nullopt;
  std::optional<double> Period = model::periodOf(E->getType());
  if (!Period)
    return std::nullopt;
  Expr::EvalResult Result;
  if (!E->EvaluateAsRValue(Result, Ctx) || !Result.Val.isStruct() ||
      Result.Val.getStructNumFields() < 1)
    return std::nullopt;
  const APValue &Count = Result.Val.getStructField(0);
  double Value;
  if (Count.isInt())
    Value = Count.getInt().getSExtValue();
  else if (Count.isFloat())
    Value = Count.getFloat().convertToDouble();
  else
    return std::nullopt;
  return Value * *Period * 1000.0;
}

std::string formatMilliseconds(double Ms) {
  if (Ms >= 60000 && static_cast<long long>(Ms) % 60000 == 0)
    return std::to_string(static_cast<long long>(Ms / 60000)) + "min";
  if (Ms >= 1000 && static_cast<long long>(Ms) % 1000 == 0)
    return std::to_string(static_cast<long long>(Ms / 1000)) + "s";
  return std::to_string(static_cast<long long>(Ms)) + "ms";
}

/// True if `E` is `this` or a chain of members of it (`this->owner.loop`).
bool isMemberPathOfThis(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(E))
    return true;
  const auto *Member = dyn_cast<MemberExpr>(E);
  return Member && isMemberPathOfThis(Member->getBase());
}

/// The variable or field an object expression names, through `*p`, `p->`,
/// smart-pointer `->` and members of members of `this` (`owner_.timer`
/// names the field `timer`).
const ValueDecl *objectDecl(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (isMemberPathOfThis(Member->getBase()))
        return Member->getMemberDecl();
      return nullptr;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star) ||
          Op->getNumArgs() != 1)
        return nullptr;
      E = Op->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// The lambda the callable `E` is, if it is one.
const LambdaExpr *asLambda(const Expr *E) {
  return dyn_cast_or_null<LambdaExpr>(analysis::stripToCallable(E));
}

/// True if `D` has a declaration named `Name` or refers to one.
bool usesName(const Stmt *Body, StringRef Name, ASTContext &Ctx) {
  auto Found =
      match(findAll(stmt(anyOf(declRefExpr(to(namedDecl(hasName(Name)))),
                               declStmt(has(namedDecl(hasName(Name))))))
                        .bind("n")),
            *Body, Ctx);
  return !Found.empty();
}

/// True if `Cond` reads anything but the parameters of `Handler`,
/// enumerators and functions: state that can end a chain of re-arms.
bool readsState(const Expr *Cond, const FunctionDecl *Handler,
                ASTContext &Ctx) {
  if (!Cond)
    return false;
  if (Cond->containsErrors())
    return true; // mid-edit: what it reads is unknown, so it may be state
  if (!match(findAll(cxxThisExpr().bind("this")), *Cond, Ctx).empty())
    return true;
  for (const BoundNodes &Ref :
       match(findAll(declRefExpr().bind("ref")), *Cond, Ctx)) {
    const ValueDecl *D = Ref.getNodeAs<DeclRefExpr>("ref")->getDecl();
    if (isa<EnumConstantDecl, FunctionDecl>(D))
      continue;
    if (const auto *Param = dyn_cast<ParmVarDecl>(D);
        Param && Handler &&
        Param->getDeclContext() == static_cast<const DeclContext *>(Handler))
      continue;
    return true;
  }
  return false;
}

/// The condition that decides whether the branches or the body of `S` run;
/// null for a statement that has none.
const Expr *conditionOf(const Stmt *S) {
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getCond();
  if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    return Switch->getCond();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
    return Range->getRangeInit();
  if (const auto *Conditional = dyn_cast<ConditionalOperator>(S))
    return Conditional->getCond();
  if (const auto *Binary = dyn_cast<BinaryOperator>(S);
      Binary && Binary->isLogicalOp())
    return Binary->getLHS();
  return analysis::getLoopCondition(S);
}

/// See `stateGuards`; `Above` holds the statements above the target.
bool guardsTarget(const Stmt *S,
                  const llvm::SmallPtrSetImpl<const Stmt *> &Above,
                  const FunctionDecl *Handler, ASTContext &Ctx) {
  if (!S || (isa<LambdaExpr>(S) && !Above.contains(S)))
    return false; // a lambda that does not hold the target runs elsewhere
  if (readsState(conditionOf(S), Handler, Ctx) &&
      (Above.contains(S) || analysis::loopBodyHasExit(S)))
    return true;
  for (const Stmt *Child : S->children())
    if (guardsTarget(Child, Above, Handler, Ctx))
      return true;
  return false;
}

/// True if a branch or loop condition in `Body` that reads such state decides
/// whether `Target` runs: `Target` lies under it, or its statement can leave
/// (a `return`, `break` or `throw` in a branch) and so skip `Target`. A
/// condition that only decides something else, such as a log line or a loop
/// over a container before the re-arm, does not end the chain.
bool stateGuards(const Stmt *Body, const Stmt *Target,
                 const FunctionDecl *Handler, ASTContext &Ctx) {
  if (!Body)
    return false;
  // The statements above `Target` up to `Body`, through the lambdas on the
  // way (a re-arm posted from a lambda that the handler makes).
  llvm::SmallPtrSet<const Stmt *, 16> Above;
  analysis::forEachAncestor(
      Target, Ctx, [&](const DynTypedNode &Parent, const DynTypedNode &) {
        if (const auto *S = Parent.get<Stmt>()) {
          Above.insert(S);
          return S != Body;
        }
        if (const auto *Method = Parent.get<CXXMethodDecl>())
          return Method->getParent()->isLambda();
        return Parent.get<Decl>() && !Parent.get<FunctionDecl>();
      });
  return guardsTarget(Body, Above, Handler, Ctx);
}

/// What `Ref` is given when it is the left side of an assignment or the
/// object of `reset(value)`; null otherwise (also for `reset()`, which gives
/// it nothing: the caller treats that as the ticker's end).
const Expr *assignedValue(const DeclRefExpr *Ref, ASTContext &Ctx) {
  static const Expr *const Nothing = nullptr;
  DynTypedNode Parent = analysis::parentOf(
      DynTypedNode::create(*static_cast<const Stmt *>(Ref)), Ctx);
  if (const auto *Binary = Parent.get<BinaryOperator>())
    return Binary->getOpcode() == BO_Assign &&
                   Binary->getLHS()->IgnoreParenImpCasts() == Ref
               ? Binary->getRHS()
               : Nothing;
  if (const auto *Op = Parent.get<CXXOperatorCallExpr>())
    return Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
                   Op->getArg(0)->IgnoreParenImpCasts() == Ref
               ? Op->getArg(1)
               : Nothing;
  const auto *Member = Parent.get<MemberExpr>();
  const auto *Method =
      Member ? dyn_cast<CXXMethodDecl>(Member->getMemberDecl()) : nullptr;
  if (!Method || !Method->getIdentifier() || Method->getName() != "reset")
    return Nothing;
  const auto *Call = analysis::parentOf(DynTypedNode::create(*Member), Ctx)
                         .get<CXXMemberCallExpr>();
  return Call && Call->getNumArgs() > 0 ? Call->getArg(0) : Nothing;
}

/// The private raw-pointer field `New` is stored in, by a constructor's
/// initialiser or an assignment `field = new tether::ticker(d)`.
const FieldDecl *storingField(const DynTypedNode &Parent) {
  const FieldDecl *Field = nullptr;
  if (const auto *Init = Parent.get<CXXCtorInitializer>())
    Field = Init->getMember();
  else if (const auto *Assign = Parent.get<BinaryOperator>();
           Assign && Assign->getOpcode() == BO_Assign)
    if (const auto *Member =
            dyn_cast<MemberExpr>(Assign->getLHS()->IgnoreParenImpCasts());
        Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  if (!Field || Field->getAccess() != AS_private ||
      !Field->getType()->isPointerType())
    return nullptr;
  return Field;
}

/// `std::thread::join` and `std::jthread::join`.
bool isThreadJoin(const FunctionDecl &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  if (!Method || !F.getIdentifier() || F.getName() != "join")
    return false;
  const CXXRecordDecl *Class = Method->getParent();
  return Class->getIdentifier() &&
         (Class->getName() == "thread" || Class->getName() == "jthread") &&
         model::isInStd(Class);
}

/// The first call in `Body` (lambda bodies included) that runs an asio event
/// loop: `io.run()`.
const CallExpr *findEventLoopRun(const Stmt *Body) {
  const CallExpr *Run = nullptr;
  analysis::forEachStmt(Body, [&](const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S);
        !Run && Call && model::asio::isEventLoopRun(Call->getDirectCallee()))
      Run = Call;
  });
  return Run;
}

} // namespace

UnstoppedTickerCheck::UnstoppedTickerCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : TetherCheck(Name, Context, model::TickerOptions | model::SpawnOptions),
      AfterInLoopMinMilliseconds(
          Options.get("AfterInLoopMinMilliseconds", 1000U)),
      TimerStartStopFunctions(Options.get("TimerStartStopFunctions", "")) {
  // Asio's timers are known by default, as the standard library is.
  std::string AllPairs =
      (model::asio::TimerStartStopPairs + ";" + TimerStartStopFunctions).str();
  for (StringRef Item : utils::options::parseStringList(AllPairs)) {
    auto [Start, Stop] = Item.split('=');
    Start = Start.trim();
    Stop = Stop.trim();
    // `start=` with no stop: a library whose timers cannot be cancelled.
    if (Start.empty() || !Item.contains('=')) {
      configurationDiag("TimerStartStopFunctions: '%0' is not 'start=stop'")
          << Item;
      continue;
    }
    Pairs.push_back({model::NameList(Start), model::NameList(Stop)});
    StringRef Unqualified = Start.rsplit("::").second;
    StartNames.insert(Unqualified.empty() ? Start : Unqualified);
  }
}

void UnstoppedTickerCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "AfterInLoopMinMilliseconds", AfterInLoopMinMilliseconds);
  Options.store(Opts, "TimerStartStopFunctions", TimerStartStopFunctions);
}

void UnstoppedTickerCheck::registerCheckMatchers(MatchFinder *Finder) {
  std::vector<model::NodeRole<CallExpr>> CallRoles = {
      model::calleeRole("tick",
                        [this](const FunctionDecl &F) {
                          return Model.isUnstoppableTicker(&F);
                        }),
      model::calleeRole(
          "after",
          [this](const FunctionDecl &F) { return Model.isOneShotTimer(&F); }),
      model::spawnRole<CallExpr>(Model),
      model::calleeRole("join", isThreadJoin)};
  // The unqualified name first: qualified names are built only for the few
  // callees that share one with a start function.
  CallRoles.push_back(model::calleeRole("start", [this](const FunctionDecl &F) {
    return F.getIdentifier() && StartNames.contains(F.getName()) &&
           llvm::any_of(
               Pairs, [&](const TimerPair &P) { return P.Start.contains(&F); });
  }));
  model::addRoleMatcher(Finder, std::move(CallRoles), this);
  model::addRoleMatcher<CXXConstructExpr>(
      Finder, {model::spawnRole<CXXConstructExpr>(Model)}, this);
  Finder->addMatcher(
      cxxNewExpr(allocatesTicker(&Model), unless(containsErrors())).bind("new"),
      this);
  // Globals of internal linkage and static locals (which have none).
  Finder->addMatcher(varDecl(hasGlobalStorage(),
                             unless(hasExternalFormalLinkage()),
                             holdsTicker(&Model), unless(isInInstantiation()),
                             unless(isImplicit()))
                         .bind("static"),
                     this);
  Finder->addMatcher(
      cxxForRangeStmt(hasRangeInitOfChannel(&Model)).bind("range"), this);
}

void UnstoppedTickerCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<MatchScope> Scope = scopeOf(Result);
  if (!Scope)
    return;
  const FunctionDecl *Fn = Scope->Fn;
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  // A call can play several roles; each is checked.
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("tick"))
    checkTick(Call, Fn, Ctx);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("after"))
    checkAfter(Call, Ctx);
  if (const auto *Site = Result.Nodes.getNodeAs<Expr>("spawn"))
    checkSpawn(Site, Fn, Ctx);
  if (const auto *Join = Result.Nodes.getNodeAs<CXXMemberCallExpr>("join"))
    checkWorkGuard(Join, Fn, Ctx);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("start")) {
    for (const TimerPair &Pair : Pairs)
      if (Pair.Start.contains(Call->getDirectCallee())) {
        checkTimerStart(Call, Pair, Fn, Ctx);
        break;
      }
  }
  if (const auto *New = Result.Nodes.getNodeAs<CXXNewExpr>("new"))
    checkNew(New, Fn, Ctx);
  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("static");
      Var && !SM.isInSystemHeader(Var->getLocation())) {
    // The root matcher may not have run on `Var` yet (another check can
    // own it, registered after this one): map Var's root first.
    ParentIndex::of(Ctx).indexRootOf(Var);
    checkStatic(Var, Ctx);
  }
  if (const auto *Loop = Result.Nodes.getNodeAs<CXXForRangeStmt>("range"))
    checkRangeFor(Loop, Fn, Ctx);
}

/// The tracked-variable rules of a ticker: only a stop, or releasing the
/// smart pointer that owns it, stops it; `t->chan()` does not.
static analysis::Tracked trackTicker(const model::ApiModel &Model,
                                     const ValueDecl *Var) {
  analysis::Tracked T;
  T.Var = Var;
  T.DischargingMember = [&Model](const MemberExpr *Member) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
    if (!Method)
      return false;
    if (Model.isTickerStop(Method))
      return true;
    // Releasing the smart pointer that owns it destroys it.
    const CXXRecordDecl *Owner = Method->getParent();
    if (!model::isInStd(Owner) || !Owner->getIdentifier() ||
        !Method->getIdentifier())
      return false;
    StringRef Class = Owner->getName(), Name = Method->getName();
    return (Class == "shared_ptr" || Class == "__shared_ptr" ||
            Class == "unique_ptr") &&
           (Name == "reset" || Name == "release" || Name == "swap");
  };
  return T;
}

//===----------------------------------------------------------------------===//
// tick(d): an unstoppable ticker in a function that returns or in a loop.
//===----------------------------------------------------------------------===//

void UnstoppedTickerCheck::checkTick(const CallExpr *Call,
                                     const FunctionDecl *Fn, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Fn || SM.isInSystemHeader(Call->getBeginLoc()) ||
      inStaticInitializer(Call, Ctx))
    return;
  const FunctionDecl *Tick = Call->getDirectCallee();
  // tick(0s) throws (as Go panics): no ticker is started.
  if (Call->getNumArgs() > 0)
    if (std::optional<double> Ms = constantMilliseconds(Call->getArg(0), Ctx);
        Ms && *Ms <= 0)
      return;
  if (const Stmt *Loop = analysis::enclosingLoop(Call, Ctx)) {
    if (!claim(Call->getBeginLoc(), SM))
      return;
    diag(Call->getBeginLoc(), "%0 in a loop starts a ticker that can never be "
                              "stopped on every iteration")
        << Tick;
    diag(Loop->getBeginLoc(),
         "create one 'tether::ticker' before the loop and receive from its "
         "'chan()'; it stops when it goes out of scope",
         DiagnosticIDs::Note);
    return;
  }
  if (Fn->isMain() || Fn->isNoReturn())
    return;
  // `for (auto t : tick(d))` never ends: the range-for rule reports it.
  if (isRangeInit(Call, Ctx))
    return;
  if (const auto *Var = valueParent(Call, Ctx).get<VarDecl>();
      Var && Fn->hasBody()) {
    if (llvm::any_of(
            utils::decl_ref_expr::allDeclRefExprs(*Var, *Fn->getBody(), Ctx),
            [&](const DeclRefExpr *Ref) { return isRangeInit(Ref, Ctx); }))
      return;
  }
  analysis::FunctionPaths *Graph = pathsOf(Fn, Ctx);
  if (!Graph)
    return;
  llvm::SmallPtrSet<const Stmt *, 1> None;
  std::optional<analysis::LeakingExit> Exit =
      Graph->findUndischargedExit(Call, None);
  if (!Exit || !claim(Call->getBeginLoc(), SM))
    return;
  FixItHint Insertion;
  std::optional<FixItHint> Replacement =
      localTickerFix(Call, Fn, Ctx, Insertion);
  {
    auto Diag = diag(Call->getBeginLoc(),
                     "%0 starts a ticker that can never be stopped; it keeps "
                     "firing after this function returns")
                << Tick;
    if (Replacement)
      Diag << Insertion << *Replacement;
  }
  diag(Exit->Loc,
       "the function %select{returns|throws|returns|ends}0 here; use a "
       "'tether::ticker', which stops when it goes out of scope",
       DiagnosticIDs::Note)
      << static_cast<int>(Exit->Kind);
}

std::optional<FixItHint>
UnstoppedTickerCheck::localTickerFix(const CallExpr *Call,
                                     const FunctionDecl *Fn, ASTContext &Ctx,
                                     FixItHint &Insertion) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const FunctionDecl *Tick = Call->getDirectCallee();
  if (!Tick || model::qualifiedName(Tick) != "tether::tick" ||
      Call->getNumArgs() < 1 || Call->getBeginLoc().isMacroID() ||
      Call->getEndLoc().isMacroID() || isa<CXXDefaultArgExpr>(Call->getArg(0)))
    return std::nullopt;
  // `auto c = tether::tick(d);` at the top level of the function body.
  DynTypedNode Parent = valueParent(Call, Ctx);
  const auto *Var = Parent.get<VarDecl>();
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      !Var->getIdentifier())
    return std::nullopt;
  const DeclStmt *Decl = analysis::declaringStmt(Var, Ctx);
  if (!Decl || !Decl->isSingleDecl() || Decl->getBeginLoc().isMacroID())
    return std::nullopt;
  DynTypedNodeList Scope = ParentIndex::of(Ctx).parents(*Decl);
  if (Scope.empty() || Scope[0].get<Stmt>() != Fn->getBody())
    return std::nullopt;
  // The channel must stay in this function: received from, or a select
  // case; never captured, stored, returned or passed on.
  for (const DeclRefExpr *Ref :
       utils::decl_ref_expr::allDeclRefExprs(*Var, *Fn->getBody(), Ctx)) {
    if (Ref->refersToEnclosingVariableOrCapture())
      return std::nullopt;
    DynTypedNode Use = valueParent(Ref, Ctx);
    if (Use.get<MemberExpr>())
      continue; // c.recv(), c.try_recv()
    if (const auto *Case = Use.get<CallExpr>())
      if (model::hasRole(Case->getDirectCallee(), model::role::SelectRecvCase))
        continue;
    return std::nullopt;
  }
  std::string Name = Var->getName().str() + "_ticker";
  if (usesName(Fn->getBody(), Name, Ctx))
    return std::nullopt;
  CharSourceRange Period =
      CharSourceRange::getTokenRange(Call->getArg(0)->getSourceRange());
  StringRef PeriodText = Lexer::getSourceText(Period, SM, LO);
  if (PeriodText.empty())
    return std::nullopt;
  StringRef Indent = Lexer::getIndentationForLine(Decl->getBeginLoc(), SM);
  Insertion = FixItHint::CreateInsertion(
      Decl->getBeginLoc(),
      ("tether::ticker " + Name + "(" + PeriodText + ");\n" + Indent).str());
  return FixItHint::CreateReplacement(Call->getSourceRange(), Name + ".chan()");
}

//===----------------------------------------------------------------------===//
// after(d) with a long duration in a loop.
//===----------------------------------------------------------------------===//

void UnstoppedTickerCheck::checkAfter(const CallExpr *Call, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Call->getNumArgs() < 1 || SM.isInSystemHeader(Call->getBeginLoc()))
    return;
  const Stmt *Loop = analysis::enclosingLoop(Call, Ctx);
  if (!Loop)
    return;
  std::optional<double> Ms = constantMilliseconds(Call->getArg(0), Ctx);
  if (!Ms || *Ms < AfterInLoopMinMilliseconds)
    return;
  if (!claim(Call->getBeginLoc(), SM))
    return;
  diag(Call->getBeginLoc(),
       "%0 in a loop leaves a timer pending for %1 on every iteration that "
       "does not take it")
      << Call->getDirectCallee() << formatMilliseconds(*Ms);
  diag(Loop->getBeginLoc(),
       "create one 'tether::timer' before the loop and 'reset' it on each "
       "iteration",
       DiagnosticIDs::Note);
}

//===----------------------------------------------------------------------===//
// new ticker: never deleted or stopped.
//===----------------------------------------------------------------------===//

void UnstoppedTickerCheck::checkNew(const CXXNewExpr *New,
                                    const FunctionDecl *Fn, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Fn || Fn->isMain() || SM.isInSystemHeader(New->getBeginLoc()))
    return;
  DynTypedNode Parent = valueParent(New, Ctx);
  if (isDiscarded(Parent)) {
    if (claim(New->getBeginLoc(), SM))
      diag(New->getBeginLoc(), "ticker made with 'new' is discarded; it can "
                               "never be stopped or deleted");
    return;
  }
  if (const FieldDecl *Field = storingField(Parent))
    return checkFieldTicker(New, Field, Ctx);
  const auto *Var = Parent.get<VarDecl>();
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      !Var->getType()->isPointerType())
    return; // owned by a smart pointer, stored, returned, passed: handed off
  analysis::FunctionPaths *Graph = pathsOf(Fn, Ctx);
  if (!Graph)
    return;
  analysis::Discharges Uses =
      analysis::findDischarges(trackTicker(Model, Var), Graph->body(), Ctx);
  if (Uses.Points.empty()) {
    if (claim(New->getBeginLoc(), SM)) {
      diag(New->getBeginLoc(),
           "ticker %0 made with 'new' is never stopped or deleted; it fires "
           "forever")
          << Var;
      diag(Var->getLocation(),
           "make it a local 'tether::ticker', which stops when it goes out "
           "of scope, or hold it in a 'std::unique_ptr'",
           DiagnosticIDs::Note);
    }
    return;
  }
  const Stmt *Start = analysis::declaringStmt(Var, Ctx);
  if (!Start)
    return;
  std::optional<analysis::LeakingExit> Exit =
      Graph->findUndischargedExit(Start, Uses.Points);
  if (!Exit || !claim(New->getBeginLoc(), SM))
    return;
  diag(New->getBeginLoc(),
       "ticker %0 made with 'new' is not stopped or deleted on every path")
      << Var;
  diag(Exit->Loc,
       "this %select{return|throw|co_return|end of the function}0 is reached "
       "without stopping %1",
       DiagnosticIDs::Note)
      << static_cast<int>(Exit->Kind) << Var;
}

/// True if `E` makes a ticker: `new tether::ticker(d)`, or a
/// `std::make_shared` or `std::make_unique` (whose result a ticker holder
/// takes).
bool UnstoppedTickerCheck::makesTicker(const Expr *E, ASTContext &Ctx) const {
  if (!E)
    return false;
  auto Makes = match(
      findAll(expr(anyOf(cxxNewExpr(allocatesTicker(&Model)),
                         callExpr(callee(functionDecl(hasAnyName(
                             "::std::make_shared", "::std::make_unique"))))))
                  .bind("make")),
      *E, Ctx);
  return !Makes.empty();
}

/// A ticker made with `new` and kept in a private field: reported when its
/// class, all of whose members this translation unit defines, never stops,
/// deletes or hands on the field, not even in its destructor.
void UnstoppedTickerCheck::checkFieldTicker(const CXXNewExpr *New,
                                            const FieldDecl *Field,
                                            ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const CXXRecordDecl *Class = Field->getParent()
                                   ? dyn_cast<CXXRecordDecl>(Field->getParent())
                                   : nullptr;
  if (!Class || !Class->hasDefinition() || Class->isDependentContext() ||
      Class->hasFriends() || Class->isLambda())
    return;
  // Code elsewhere (a member defined in another file) may delete it.
  for (const CXXMethodDecl *Method : Class->methods())
    if (!Method->isDefaulted() && !Method->isDeleted() &&
        !Method->isImplicit() && !Method->isPureVirtual() && !Method->hasBody())
      return;
  analysis::Tracked Track = trackTicker(Model, Field);
  auto Uses = match(memberExpr(member(equalsNode(Field))).bind("use"), Ctx);
  for (const BoundNodes &Nodes : Uses) {
    const auto *Use = Nodes.getNodeAs<MemberExpr>("use");
    if (analysis::classifyUse(Track, Use, Ctx) != analysis::UseKind::Inert)
      return; // stopped, deleted, or handed to code that may stop it
  }
  if (!claim(New->getBeginLoc(), SM))
    return;
  diag(New->getBeginLoc(),
       "ticker made with 'new' and kept in %0 is never stopped or deleted; "
       "it fires after %1 is destroyed")
      << Field << Class;
  diag(Field->getLocation(),
       "make %0 a 'tether::ticker' or a 'std::unique_ptr<tether::ticker>', "
       "which stops when %1 is destroyed",
       DiagnosticIDs::Note)
      << Field << Class;
}

//===----------------------------------------------------------------------===//
// A static or global ticker that nothing stops.
//===----------------------------------------------------------------------===//

void UnstoppedTickerCheck::checkStatic(const VarDecl *Var, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Var->isInvalidDecl() || Var->getType()->isReferenceType())
    return;
  const Expr *Init = Var->getInit();
  if (Init && Init->containsErrors())
    return;
  // A ticker, or a pointer or smart pointer that owns one from the start or
  // is given one later (`g = std::make_unique<tether::ticker>(d)` in the
  // function that starts the work).
  bool Owns = Model.isTickerType(Var->getType()) || makesTicker(Init, Ctx);
  analysis::Tracked Track = trackTicker(Model, Var);
  for (const DeclRefExpr *Ref : utils::decl_ref_expr::allDeclRefExprs(
           *Var, *Ctx.getTranslationUnitDecl(), Ctx)) {
    if (const Expr *Value = assignedValue(Ref, Ctx)) {
      if (!makesTicker(Value, Ctx))
        return; // `g = nullptr`, `g.reset()`: the old ticker is destroyed
      Owns = true;
      continue;
    }
    if (analysis::classifyUse(Track, Ref, Ctx) != analysis::UseKind::Inert)
      return; // stopped, deleted, or handed to code that may stop it
  }
  if (!Owns)
    return;
  if (!claim(Var->getLocation(), SM))
    return;
  diag(Var->getLocation(), "%select{static|global}0 ticker %1 is never "
                           "stopped; it fires until the program exits")
      << !Var->isStaticLocal() << Var;
  diag(Var->getLocation(),
       "stop it when its reader is done, or make it a local "
       "'tether::ticker' of the function that reads it",
       DiagnosticIDs::Note);
}

//===----------------------------------------------------------------------===//
// A range-for over a ticker's channel: stop() does not close it.
//===----------------------------------------------------------------------===//

void UnstoppedTickerCheck::checkRangeFor(const CXXForRangeStmt *Loop,
                                         const FunctionDecl *Fn,
                                         ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(Loop->getBeginLoc()))
    return;
  const Expr *Init = Loop->getRangeInit()->IgnoreImplicit();
  // for (auto t : c) where `auto c = ticker.chan();` or `auto c = tick(d);`
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Init->IgnoreParenImpCasts()))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) && Var->getInit())
        Init = Var->getInit()->IgnoreImplicit();
  Init = Init->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    if (Construct->getNumArgs() == 1)
      Init = Construct->getArg(0)->IgnoreImplicit()->IgnoreParenImpCasts();
  bool FromTick = false, FromTicker = false;
  const CallExpr *Tick = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Init)) {
    if (const Expr *Object = Member->getImplicitObjectArgument()) {
      QualType Type = Object->getType();
      if (Type->isPointerType())
        Type = Type->getPointeeType();
      FromTicker = Model.isTickerType(Type);
    }
  } else if (const auto *Call = dyn_cast<CallExpr>(Init)) {
    FromTick = Model.isUnstoppableTicker(Call->getDirectCallee());
    Tick = Call;
  }
  if (!FromTick && !FromTicker)
    return;
  if (const Stmt *Exit = analysis::findLoopExit(Loop)) {
    if (FromTick)
      checkLeftTickLoop(Loop, Tick, Exit, Fn, Ctx);
    return;
  }
  if (!claim(Loop->getBeginLoc(), SM))
    return;
  diag(Loop->getBeginLoc(),
       "range-for over %select{a ticker's|a 'tick'}0 channel never ends: "
       "%select{stopping a ticker does not close its channel|the ticker can "
       "never be stopped and its channel is never closed}0")
      << FromTick;
  diag(Loop->getBeginLoc(),
       "%select{|make a local 'tether::ticker', }0receive with "
       "'select(on_recv(ticker.chan(), ...), on_done(ctx, ...))' and leave "
       "the loop when the done case is taken",
       DiagnosticIDs::Note)
      << FromTick;
}

/// `for (auto t : tick(d)) { ... break; }`: the loop is left, the ticker
/// that feeds it cannot be stopped and fires for the rest of the program.
void UnstoppedTickerCheck::checkLeftTickLoop(const CXXForRangeStmt *Loop,
                                             const CallExpr *Tick,
                                             const Stmt *Exit,
                                             const FunctionDecl *Fn,
                                             ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // In main, or when the only way out ends the program (a [[noreturn]]
  // call) or suspends a coroutine, nothing outlives the loop for long.
  if (!Fn || Fn->isMain() || Fn->isNoReturn() ||
      !isa<BreakStmt, ReturnStmt, CXXThrowExpr, GotoStmt, CoreturnStmt>(Exit))
    return;
  if (Tick->getNumArgs() > 0)
    if (std::optional<double> Ms = constantMilliseconds(Tick->getArg(0), Ctx);
        Ms && *Ms <= 0)
      return; // tick(0s) throws: no ticker is started
  if (!claim(Tick->getBeginLoc(), SM))
    return;
  diag(Tick->getBeginLoc(), "%0 starts a ticker that can never be stopped; "
                            "it keeps firing after the range-for is left")
      << Tick->getDirectCallee();
  diag(Exit->getBeginLoc(),
       "the loop is left here; range over the 'chan()' of a local "
       "'tether::ticker', which stops when it goes out of scope",
       DiagnosticIDs::Note);
}

//===----------------------------------------------------------------------===//
// A ticker moved or captured into a task whose loop never exits.
//===----------------------------------------------------------------------===//

void UnstoppedTickerCheck::checkSpawn(const Expr *SiteExpr,
                                      const FunctionDecl *Fn, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SiteExpr->getBeginLoc()))
    return;
  std::optional<model::SpawnSite> Site = Model.getSpawnSite(SiteExpr);
  if (!Site || !Site->Body)
    return;
  const FunctionDecl *Task = model::ApiModel::getTaskFunction(Site->Body);
  if (!Task || !Task->hasBody() || Task->isInvalidDecl() ||
      SM.isInSystemHeader(Task->getLocation()))
    return;

  // What the task owns: by-copy captures and by-value arguments that hold a
  // ticker. `Outer` is the spawning function's variable, `Inner` the name
  // the task uses.
  struct Owned {
    const ValueDecl *Outer;
    const ValueDecl *Inner;
    SourceLocation Loc;
  };
  llvm::SmallVector<Owned, 2> Owns;
  if (const LambdaExpr *Lambda = asLambda(Site->Body)) {
    for (const LambdaCapture &Capture : Lambda->captures()) {
      if (!Capture.capturesVariable() || Capture.getCaptureKind() != LCK_ByCopy)
        continue;
      const ValueDecl *Captured = Capture.getCapturedVar();
      if (!Model.isTickerHolder(Captured->getType()) ||
          Captured->getType()->isReferenceType())
        continue;
      const ValueDecl *Outer = Captured;
      if (const auto *Var = dyn_cast<VarDecl>(Captured);
          Var && Var->isInitCapture() && Var->getInit())
        Outer = objectDecl(Var->getInit()->IgnoreImplicit());
      Owns.push_back({Outer, Captured, Capture.getLocation()});
    }
  }
  for (unsigned I = 0; I < Site->NumArgs && I < Task->getNumParams(); ++I) {
    const ParmVarDecl *Param = Task->getParamDecl(I);
    if (!Model.isTickerHolder(Param->getType()) ||
        Param->getType()->isReferenceType())
      continue;
    Owns.push_back(
        {objectDecl(Site->Args[I]), Param, Site->Args[I]->getBeginLoc()});
  }
  if (Owns.empty())
    return;
  const Stmt *Loop = analysis::findForeverLoop(Task->getBody(), Ctx);
  if (!Loop)
    return;

  auto StoppedIn = [&](const ValueDecl *Var, const Stmt *Body) {
    if (!Var || !Body)
      return false;
    analysis::Tracked Track = trackTicker(Model, Var);
    return llvm::any_of(analysis::referencesTo(Var, *Body, Ctx),
                        [&](const DeclRefExpr *Ref) {
                          return analysis::classifyUse(Track, Ref, Ctx) ==
                                 analysis::UseKind::Called;
                        });
  };
  for (const Owned &O : Owns) {
    if (StoppedIn(O.Inner, Task->getBody()) ||
        (Fn && Fn->hasBody() && StoppedIn(O.Outer, Fn->getBody())))
      continue;
    if (!claim(O.Loc, SM))
      continue;
    diag(O.Loc, "ticker %0 is kept alive by a task whose loop never exits; "
                "it is never stopped")
        << O.Inner;
    diag(Loop->getBeginLoc(),
         "this loop never exits: give it a done case (for example "
         "'on_done(ctx, ...)') so that the task ends and the ticker stops",
         DiagnosticIDs::Note);
  }
}

//===----------------------------------------------------------------------===//
// Repeating timers of other libraries (option TimerStartStopFunctions).
//===----------------------------------------------------------------------===//

void UnstoppedTickerCheck::checkTimerStart(const CallExpr *Call,
                                           const TimerPair &Pair,
                                           const FunctionDecl *Fn,
                                           ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Fn || SM.isInSystemHeader(Call->getBeginLoc()))
    return;
  DeclarationName Start = Call->getDirectCallee()->getDeclName();
  // The callee's declared result, not the call's type: in a template, a call
  // given a lambda has a dependent type even when it returns nothing.
  if (Call->getDirectCallee()->getReturnType()->isVoidType()) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      checkRearm(Member, Pair, Fn, Ctx);
    return;
  }
  // The start returns the id or handle that the stop function takes.
  if (Fn->isMain())
    return; // the program ends: every timer stops
  DynTypedNode Parent = valueParent(Call, Ctx);
  if (isDiscarded(Parent)) {
    if (claim(Call->getBeginLoc(), SM)) {
      diag(Call->getBeginLoc(), "the timer started by %0 can never be "
                                "stopped: its result is discarded")
          << Start;
      diag(Call->getBeginLoc(),
           "keep the result and pass it to the stop "
           "function when the work is done",
           DiagnosticIDs::Note);
    }
    return;
  }
  const auto *Var = Parent.get<VarDecl>();
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isReferenceType())
    return; // returned, stored, passed on: handed off
  analysis::FunctionPaths *Graph = pathsOf(Fn, Ctx);
  if (!Graph)
    return;
  analysis::Discharges Uses =
      analysis::findDischarges({Var, false}, Graph->body(), Ctx);
  if (Uses.Points.empty()) {
    if (claim(Call->getBeginLoc(), SM))
      diag(Call->getBeginLoc(),
           "the timer started by %0 is never stopped: %1 is never used")
          << Start << Var;
    return;
  }
  const Stmt *Decl = analysis::declaringStmt(Var, Ctx);
  if (!Decl)
    return;
  std::optional<analysis::LeakingExit> Exit =
      Graph->findUndischargedExit(Decl, Uses.Points);
  if (!Exit || !claim(Call->getBeginLoc(), SM))
    return;
  diag(Call->getBeginLoc(),
       "the timer started by %0 is not stopped on every path")
      << Start;
  diag(Exit->Loc,
       "this %select{return|throw|co_return|end of the function}0 is reached "
       "without passing %1 to the stop function",
       DiagnosticIDs::Note)
      << static_cast<int>(Exit->Kind) << Var;
}

void UnstoppedTickerCheck::checkRearm(const CXXMemberCallExpr *Call,
                                      const TimerPair &Pair,
                                      const FunctionDecl *Fn, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const ValueDecl *Timer = objectDecl(Call->getImplicitObjectArgument());
  if (!Timer)
    return;
  // The handler re-arms the same timer: it starts it again, or calls the
  // function that armed it.
  const LambdaExpr *Handler = nullptr;
  for (const Expr *Arg : Call->arguments())
    if ((Handler = asLambda(Arg)))
      break;
  if (!Handler)
    return;
  const FunctionDecl *Arming = Fn;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
      Method && Method->getParent()->isLambda())
    Arming = nullptr; // a lambda cannot name itself
  const CallExpr *Rearm = nullptr;
  auto Calls =
      match(findAll(callExpr().bind("call")), *Handler->getBody(), Ctx);
  for (const BoundNodes &Nodes : Calls) {
    const auto *Inner = Nodes.getNodeAs<CallExpr>("call");
    const FunctionDecl *Callee = Inner->getDirectCallee();
    if (!Callee)
      continue;
    if (Arming && Callee->getCanonicalDecl() == Arming->getCanonicalDecl()) {
      Rearm = Inner;
      break;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Inner);
        Member && Pair.Start.contains(Callee) &&
        objectDecl(Member->getImplicitObjectArgument()) == Timer) {
      Rearm = Inner;
      break;
    }
  }
  if (!Rearm)
    return;
  // A re-arm that some state can end (a stop flag, a counter) is a loop with
  // an exit, not a ticker: only conditions on the handler's own parameters
  // (its error code) may guard the re-arm in the handler, and the arming
  // call in the arming function.
  if (stateGuards(Handler->getBody(), Rearm, Handler->getCallOperator(), Ctx) ||
      (Arming && Arming->hasBody() &&
       stateGuards(Arming->getBody(), Call, Handler->getCallOperator(), Ctx)))
    return;
  // A path to the stop function: a call of it on this timer anywhere in the
  // translation unit (on any timer, when this one is a parameter or
  // reference whose object lives elsewhere), or the timer handed on.
  bool Elsewhere = isa<ParmVarDecl>(Timer) ||
                   Timer->getType()->isReferenceType() ||
                   Timer->getType()->isPointerType();
  // Matched on the whole unit, every node once (findAll here would also
  // search below every node: quadratic).
  auto Stops =
      match(cxxMemberCallExpr(callee(functionDecl())).bind("stop"), Ctx);
  for (const BoundNodes &Nodes : Stops) {
    const auto *Stop = Nodes.getNodeAs<CXXMemberCallExpr>("stop");
    if (!Pair.Stop.contains(Stop->getDirectCallee()))
      continue;
    if (Elsewhere || objectDecl(Stop->getImplicitObjectArgument()) == Timer)
      return;
  }
  if (!claim(Call->getBeginLoc(), SM))
    return;
  diag(Call->getExprLoc(), "%0 re-arms %1 from its own handler and nothing "
                           "ever stops it; the timer repeats forever")
      << Call->getDirectCallee()->getDeclName() << Timer;
  diag(Rearm->getBeginLoc(), "re-armed here", DiagnosticIDs::Note);
  diag(Call->getExprLoc(),
       "call the stop function on %0 when the work is done, and do not "
       "re-arm when the handler is called because it was stopped",
       DiagnosticIDs::Note)
      << Timer;
}

//===----------------------------------------------------------------------===//
// An asio work guard that the owner's stop never resets.
//===----------------------------------------------------------------------===//

const CallExpr *
UnstoppedTickerCheck::threadRunningEventLoop(const FunctionDecl *Fn) {
  // The threads of the joining function and, for a member, of its class.
  llvm::SmallVector<const FunctionDecl *, 8> Spawners{Fn};
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn))
    for (const Decl *Member : Method->getParent()->decls())
      if (const FunctionDecl *Other = Member->getAsFunction();
          Other && Other != Fn && Other->hasBody())
        Spawners.push_back(Other);
  for (const FunctionDecl *Spawner : Spawners) {
    const CallExpr *Run = nullptr;
    analysis::forEachOwnStmt(Spawner->getBody(), [&](const Stmt *S) {
      const auto *Site = dyn_cast<CXXConstructExpr>(S);
      if (Run || !Site)
        return;
      std::optional<model::SpawnSite> Spawn = Model.getSpawnSite(Site);
      if (!Spawn || Spawn->Kind != model::SpawnKind::StdThread)
        return;
      if (const FunctionDecl *Task =
              model::ApiModel::getTaskFunction(Spawn->Body);
          Task && Task->hasBody())
        Run = findEventLoopRun(Task->getBody());
    });
    if (Run)
      return Run;
  }
  return nullptr;
}

void UnstoppedTickerCheck::checkWorkGuard(const CXXMemberCallExpr *Join,
                                          const FunctionDecl *Fn,
                                          ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Fn || !Fn->hasBody() || SM.isInSystemHeader(Join->getBeginLoc()))
    return;
  // The work guards alive at the join: the class's members, and the
  // function's locals declared before it.
  const ValueDecl *Guard = nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn))
    for (const FieldDecl *Field : Method->getParent()->fields())
      if (model::asio::isWorkGuardHolder(Field->getType())) {
        Guard = Field;
        break;
      }
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    const auto *Decl = dyn_cast<DeclStmt>(S);
    if (Guard || !Decl ||
        !SM.isBeforeInTranslationUnit(Decl->getEndLoc(), Join->getBeginLoc()))
      return;
    for (const auto *D : Decl->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && model::asio::isWorkGuardHolder(Var->getType()))
        Guard = Var;
  });
  if (!Guard)
    return;
  // Before the join, anything that may let run() return: the guard reset,
  // moved or reassigned, the loop stopped, or a call of the project's own
  // code, which may do either.
  bool Released = false;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    if (Released || !isa<CallExpr, BinaryOperator>(S) ||
        !SM.isBeforeInTranslationUnit(S->getBeginLoc(), Join->getBeginLoc()))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return;
      if (model::asio::isEventLoopStop(Callee) ||
          (Callee->hasBody() && !model::isInStd(Callee) &&
           !model::asio::isInAsio(Callee) &&
           !SM.isInSystemHeader(Callee->getLocation())))
        Released = true;
      for (const Expr *Arg : Call->arguments())
        if (analysis::storageOf(Arg) == Guard)
          Released = true; // reset, moved, assigned through operator=
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
          Member &&
          analysis::storageOf(Member->getImplicitObjectArgument()) == Guard)
        Released = true;
    } else if (const auto *Assign = dyn_cast<BinaryOperator>(S);
               Assign->isAssignmentOp() &&
               analysis::storageOf(Assign->getLHS()) == Guard) {
      Released = true;
    }
  });
  if (Released)
    return;
  const CallExpr *Run = threadRunningEventLoop(Fn);
  if (!Run || !claim(Join->getExprLoc(), SM))
    return;
  diag(Join->getExprLoc(),
       "'join' waits for a thread that runs an asio event loop while the "
       "work guard %0 keeps it busy; 'run()' never returns and the join "
       "hangs")
      << Guard;
  diag(Run->getBeginLoc(), "the event loop runs here", DiagnosticIDs::Note);
  diag(Guard->getLocation(),
       "reset %0 (or stop the io_context) before joining, on every path",
       DiagnosticIDs::Note)
      << Guard;
}

} // namespace clang::tidy::tether
