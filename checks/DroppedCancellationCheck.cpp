//===--- DroppedCancellationCheck.cpp - tether clang-tidy -----------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#include "DroppedCancellationCheck.h"
#include "analysis/HandOff.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "model/Matchers.h"
#include "utils/DeclRefExprUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using analysis::ParentIndex;
using analysis::stripTransparent;
using analysis::valueParent;

namespace {

bool isVoidCast(const Stmt *S) {
  const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(S);
  return Cast && Cast->getTypeAsWritten()->isVoidType();
}

bool isStdFunction(const FunctionDecl *F, StringRef Name) {
  return F && F->getIdentifier() && F->getName() == Name && model::isInStd(F);
}

/// `std::ignore`.
bool isStdIgnore(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && Ref->getDecl()->getIdentifier() &&
         Ref->getDecl()->getName() == "ignore" &&
         Ref->getDecl()->getDeclContext()->getRedeclContext()->isStdNamespace();
}

const FunctionDecl *calleeOf(const Expr *E) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E->IgnoreParenImpCasts()))
    return Call->getDirectCallee();
  return nullptr;
}

/// A context or stop token visible at a statement.
struct Token {
  const ValueDecl *Var;
  bool IsContext;
};

/// True if `E` refers to one of `Tokens`.
bool refersToToken(const Stmt *E, llvm::ArrayRef<Token> Tokens,
                   ASTContext &Ctx) {
  if (!E)
    return false;
  auto Refs = match(findAll(declRefExpr().bind("ref")), *E, Ctx);
  return llvm::any_of(Refs, [&](const BoundNodes &Nodes) {
    const ValueDecl *D = Nodes.getNodeAs<DeclRefExpr>("ref")->getDecl();
    return llvm::any_of(Tokens, [&](const Token &T) { return T.Var == D; });
  });
}

/// Which local tokens `tokensInScope` counts.
enum class Locals {
  All,      ///< every local context or stop token
  Inherited ///< only locals derived from a parameter or capture
};

/// The contexts and stop tokens in scope at `At` in `Fn`: its parameters, its
/// lambda captures, and the local variables declared before `At` in a scope
/// that encloses it. With `Locals::Inherited`, a local counts only if its
/// initializer uses a token already counted (`with_cancel(parent)`,
/// `ctx.stop_token()`): a context the function made from `background()` is
/// cancelled by nobody but the function itself.
llvm::SmallVector<Token, 4> tokensInScope(const model::ApiModel &Model,
                                          const FunctionDecl *Fn,
                                          const Stmt *At, ASTContext &Ctx,
                                          Locals Which = Locals::All) {
  llvm::SmallVector<Token, 4> Tokens;
  if (!Fn || !Fn->hasBody())
    return Tokens;
  auto Add = [&](const ValueDecl *Var) {
    if (!Var || !Var->getIdentifier() || Var->isInvalidDecl())
      return;
    QualType T = Var->getType();
    if (T.isNull() || T->isPointerType())
      return;
    for (const Token &Existing : Tokens)
      if (Existing.Var == Var)
        return;
    if (Model.isContextType(T))
      Tokens.push_back({Var, true});
    else if (Model.isStopTokenType(T))
      Tokens.push_back({Var, false});
  };
  for (const ParmVarDecl *Param : Fn->parameters())
    Add(Param);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn))
    if (Method->getParent()->isLambda())
      for (const LambdaCapture &Capture : Method->getParent()->captures())
        if (Capture.capturesVariable())
          Add(Capture.getCapturedVar());
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation AtLoc = At->getBeginLoc();
  auto Locals =
      match(findAll(declStmt(has(decl(anyOf(varDecl(hasLocalStorage()),
                                            decompositionDecl()))))
                        .bind("decl")),
            *Fn->getBody(), Ctx);
  for (const BoundNodes &Nodes : Locals) {
    const auto *Decl = Nodes.getNodeAs<DeclStmt>("decl");
    if (!SM.isBeforeInTranslationUnit(Decl->getEndLoc(), AtLoc))
      continue;
    DynTypedNodeList Parents = ParentIndex::of(Ctx).parents(*Decl);
    if (Parents.empty())
      continue;
    const Stmt *Scope = Parents[0].get<Stmt>();
    if (!Scope || SM.isBeforeInTranslationUnit(Scope->getEndLoc(), AtLoc))
      continue;
    for (const class Decl *D : Decl->decls()) {
      if (Which == Locals::Inherited) {
        const auto *Var = dyn_cast<VarDecl>(D);
        if (!Var || !refersToToken(Var->getInit(), Tokens, Ctx))
          continue;
      }
      if (const auto *Decomposition = dyn_cast<DecompositionDecl>(D)) {
        for (const BindingDecl *Binding : Decomposition->bindings())
          Add(Binding);
      } else if (const auto *Var = dyn_cast<VarDecl>(D)) {
        Add(Var);
      }
    }
  }
  return Tokens;
}

/// True if a context type has a `stop_token()` member to bridge to
/// `std::stop_token`.
bool hasStopTokenBridge(QualType ContextType) {
  const CXXRecordDecl *RD = model::getRecord(ContextType);
  if (!RD || !RD->hasDefinition())
    return false;
  for (const CXXMethodDecl *Method : RD->getDefinition()->methods())
    if (Method->getIdentifier() && Method->getName() == "stop_token" &&
        Method->getNumParams() == 0)
      return true;
  return false;
}

/// True if the task `Lambda` holds cancellation: it captures or uses a
/// context or stop token (a variable, a member, `group.context()`), or a
/// cancel function, which makes it the canceller rather than a task that must
/// be told to stop.
bool holdsCancellation(const model::ApiModel &Model, const LambdaExpr *Lambda,
                       ASTContext &Ctx) {
  auto Carries = [&](QualType T) {
    return !T.isNull() && (Model.isTokenType(T) || Model.isCancelFuncType(T));
  };
  for (const LambdaCapture &Capture : Lambda->captures())
    if (Capture.capturesVariable() &&
        Carries(Capture.getCapturedVar()->getType()))
      return true;
  auto Exprs = match(findAll(expr().bind("expr")), *Lambda->getBody(), Ctx);
  return llvm::any_of(Exprs, [&](const BoundNodes &Nodes) {
    return Carries(Nodes.getNodeAs<Expr>("expr")->getType());
  });
}

/// True if `S` runs in a loop of `Owner` (or of a lambda inside it).
bool insideLoop(const Stmt *S, const FunctionDecl *Owner, ASTContext &Ctx) {
  bool Inside = false;
  analysis::forEachAncestor(
      S, Ctx, [&](const DynTypedNode &Parent, const DynTypedNode &) {
        if (Parent.get<FunctionDecl>() == Owner)
          return false;
        const Stmt *P = Parent.get<Stmt>();
        Inside = P && analysis::isLoop(P);
        return !Inside;
      });
  return Inside;
}

/// True if `Call` is a send on a local channel whose constant buffer has
/// room for every send on it (`auto done = make_chan<int>(1)` sent to once):
/// it cannot block, so it needs no token. The channel must not escape: it is
/// only captured by lambdas and used through its members, and no send on it
/// repeats in a loop.
bool sendHasRoom(const model::ApiModel &Model, const CallExpr *Call,
                 ASTContext &Ctx) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  if (!Member || !Model.isSend(Member->getDirectCallee()))
    return false;
  const auto *Object = dyn_cast<DeclRefExpr>(
      stripTransparent(Member->getImplicitObjectArgument()));
  const auto *Var = Object ? dyn_cast<VarDecl>(Object->getDecl()) : nullptr;
  const FunctionDecl *Owner = analysis::owningFunction(Var);
  if (!Owner || !Var->getInit())
    return false;
  std::optional<uint64_t> Capacity = Model.channelCapacity(Var->getInit(), Ctx);
  if (!Capacity || *Capacity == 0)
    return false;
  uint64_t Sends = 0;
  for (const DeclRefExpr *Ref :
       utils::decl_ref_expr::allDeclRefExprs(*Var, *Owner->getBody(), Ctx)) {
    DynTypedNode Parent = valueParent(Ref, Ctx);
    if (Parent.get<LambdaExpr>())
      continue; // a capture
    const auto *Use = Parent.get<MemberExpr>();
    if (!Use)
      return false; // passed on, assigned, returned: it escapes
    const auto *UseCall =
        dyn_cast_or_null<CXXMemberCallExpr>(valueParent(Use, Ctx).get<Stmt>());
    if (!UseCall || !Model.isSend(UseCall->getDirectCallee()))
      continue;
    if (insideLoop(UseCall, Owner, Ctx))
      return false;
    ++Sends;
  }
  return Sends <= *Capacity;
}

/// The first loop that can never be left in `Task` or in a function it
/// calls, at any depth (not through lambdas it only stores, nor into the
/// runtime library).
const Stmt *findForeverLoopBelow(const FunctionDecl *Task,
                                 model::CallSummaries &Graph, ASTContext &Ctx) {
  if (const Stmt *Loop = analysis::findForeverLoop(Task->getBody(), Ctx))
    return Loop;
  const Stmt *Found = nullptr;
  Graph.forEachCalleeWith(
      analysis::ForeverLoop, Task, /*Skip=*/nullptr,
      [&](const FunctionDecl *Fn, llvm::ArrayRef<analysis::CallEdge>) {
        Found = analysis::findForeverLoop(Fn->getBody(), Ctx);
        return !Found;
      });
  return Found;
}

/// The first call in `Body` that blocks and has a cancellable overload.
const CallExpr *findCancellableBlockingCall(const model::ApiModel &Model,
                                            const Stmt *Body, ASTContext &Ctx) {
  auto Calls = match(findAll(callExpr().bind("call")), *Body, Ctx);
  for (const BoundNodes &Nodes : Calls) {
    const auto *Call = Nodes.getNodeAs<CallExpr>("call");
    if (!Model.findCancellableOverloads(Call->getDirectCallee()).empty())
      return Call;
  }
  return nullptr;
}

} // namespace

DroppedCancellationCheck::DroppedCancellationCheck(StringRef Name,
                                                   ClangTidyContext *Context)
    : TetherCheck(Name, Context,
                  model::ContextOptions | model::CancellableOptions |
                      model::SpawnOptions),
      ReportJThreadLoops(Options.get("ReportJThreadLoops", true)),
      ReportUntokenedTasks(Options.get("ReportUntokenedTasks", true)) {}

void DroppedCancellationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "ReportJThreadLoops", ReportJThreadLoops);
  Options.store(Opts, "ReportUntokenedTasks", ReportUntokenedTasks);
}

void DroppedCancellationCheck::registerCheckMatchers(MatchFinder *Finder) {
  model::addRoleMatcher<CallExpr>(
      Finder,
      {model::calleeRole("factory",
                         [this](const FunctionDecl &F) {
                           return Model.isContextFactory(&F);
                         }),
       model::calleeRole("blocking",
                         [this](const FunctionDecl &F) {
                           return !Model.findCancellableOverloads(&F).empty();
                         }),
       model::spawnRole<CallExpr>(Model)},
      this);
  model::addRoleMatcher<CXXConstructExpr>(
      Finder,
      {model::spawnRole<CXXConstructExpr>(Model),
       {"stop_callback",
        [this](const CXXConstructExpr &Construct) {
          return Model.isStopCallbackType(Construct.getType());
        }}},
      this);
}

void DroppedCancellationCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<MatchScope> Scope = scopeOf(Result);
  if (!Scope)
    return;
  const FunctionDecl *Fn = Scope->Fn;
  ASTContext &Ctx = *Result.Context;
  // One node can play several roles; each is checked.
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("factory"))
    checkFactoryCall(Call, Fn, Ctx);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("blocking");
      Call && Fn) // a blocking call outside functions has no context to pass
    checkBlockingCall(Call, Fn, Ctx);
  if (const auto *Site = Result.Nodes.getNodeAs<Expr>("spawn"))
    checkSpawn(Site, Fn, Ctx);
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("stop_callback"))
    checkStopCallback(Construct, Ctx);
}

//===----------------------------------------------------------------------===//
// A cancel function discarded, or not called on every path.
//===----------------------------------------------------------------------===//

void DroppedCancellationCheck::checkFactoryCall(const CallExpr *Call,
                                                const FunctionDecl *Fn,
                                                ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Factory = Call->getDirectCallee();
  const Stmt *Child = nullptr;
  DynTypedNode Parent = valueParent(Call, Ctx, &Child);

  // with_timeout(p, d).first, std::get<0>(with_timeout(p, d))
  if (const auto *Member = Parent.get<MemberExpr>())
    return checkPairMember(Call, Member, Fn, Ctx);
  if (const auto *Get = Parent.get<CallExpr>();
      Get && !isa<CXXOperatorCallExpr>(Get)) {
    if (isStdFunction(Get->getDirectCallee(), "get") &&
        Model.isContextType(Get->getType()) && claim(Call->getBeginLoc(), SM))
      diag(Call->getBeginLoc(), "cancel function returned by %0 is "
                                "discarded: only the context is kept")
          << Factory;
    // Otherwise passed to a function: handed off.
    return;
  }

  // auto [ctx, cancel] = with_cancel(p);  auto pair = with_cancel(p);
  if (const auto *Decomposition = Parent.get<DecompositionDecl>()) {
    if (!Decomposition->hasLocalStorage())
      return;
    const BindingDecl *Cancel = nullptr;
    for (const BindingDecl *Binding : Decomposition->bindings())
      if (Model.isCancelFuncType(Binding->getType()))
        Cancel = Binding;
    if (!Cancel && Decomposition->bindings().size() == 2)
      Cancel = Decomposition->bindings()[1];
    if (Cancel)
      checkObligation(Call, Call, Cancel, /*IsPair=*/false, Fn, Ctx);
    return;
  }
  if (const auto *Var = Parent.get<VarDecl>()) {
    if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        !Var->getType()->isReferenceType())
      checkObligation(Call, Call, Var, /*IsPair=*/true, Fn, Ctx);
    return;
  }

  const Stmt *ParentStmt = Parent.get<Stmt>();
  // std::tie(ctx, cancel) = with_cancel(p);
  if (const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(ParentStmt);
      Assign && Assign->getOperator() == OO_Equal &&
      Assign->getNumArgs() == 2 && Assign->getArg(1) == Child)
    return checkTieAssignment(Call, Assign, Fn, Ctx);

  // (void)with_cancel(p);  with_cancel(p);
  if (isVoidCast(ParentStmt)) {
    if (claim(Call->getBeginLoc(), SM))
      diag(Call->getBeginLoc(), "result of %0 is cast to void: its cancel "
                                "function is never called")
          << Factory;
    return;
  }
  if (isa_and_nonnull<CompoundStmt>(ParentStmt)) {
    if (claim(Call->getBeginLoc(), SM))
      diag(Call->getBeginLoc(), "result of %0 is discarded: its cancel "
                                "function is never called")
          << Factory;
    return;
  }
  // Returned, passed on, stored: handed off.
}

void DroppedCancellationCheck::checkPairMember(const CallExpr *Call,
                                               const MemberExpr *Member,
                                               const FunctionDecl *Fn,
                                               ASTContext &Ctx) {
  const ValueDecl *Field = Member->getMemberDecl();
  if (!Field->getIdentifier())
    return;
  if (Field->getName() == "first") {
    if (!claim(Call->getBeginLoc(), Ctx.getSourceManager()))
      return;
    diag(Call->getBeginLoc(), "cancel function returned by %0 is "
                              "discarded: only the context is kept")
        << Call->getDirectCallee();
    diag(Call->getBeginLoc(),
         "keep both with 'auto [ctx, cancel] = ...' and call 'cancel()' "
         "when the work is done",
         DiagnosticIDs::Note);
    return;
  }
  if (Field->getName() == "second")
    if (const auto *Var = valueParent(Member, Ctx).get<VarDecl>())
      if (Var->hasLocalStorage() && !Var->getType()->isReferenceType())
        checkObligation(Call, Call, Var, /*IsPair=*/false, Fn, Ctx);
}

void DroppedCancellationCheck::checkTieAssignment(
    const CallExpr *Call, const CXXOperatorCallExpr *Assign,
    const FunctionDecl *Fn, ASTContext &Ctx) {
  const auto *Tie = dyn_cast<CallExpr>(Assign->getArg(0)->IgnoreImplicit());
  if (!Tie || !isStdFunction(Tie->getDirectCallee(), "tie") ||
      Tie->getNumArgs() != 2)
    return;
  const Expr *Target = Tie->getArg(1)->IgnoreParenImpCasts();
  if (isStdIgnore(Target)) {
    if (claim(Call->getBeginLoc(), Ctx.getSourceManager()))
      diag(Call->getBeginLoc(),
           "cancel function returned by %0 is assigned to 'std::ignore'")
          << Call->getDirectCallee();
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Target))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
          !Var->getType()->isReferenceType())
        checkObligation(Call, Assign, Var, /*IsPair=*/false, Fn, Ctx);
  // Otherwise a member, a global or a parameter: handed off.
}

void DroppedCancellationCheck::checkObligation(
    const CallExpr *Factory, const Stmt *Start, const ValueDecl *Var,
    bool IsPair, const FunctionDecl *Fn, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Fn || !Fn->hasBody())
    return;
  analysis::FunctionPaths *Graph = pathsOf(Fn, Ctx);
  if (!Graph)
    return;
  analysis::Discharges Uses =
      analysis::findDischarges({Var, IsPair}, Graph->body(), Ctx);
  if (Uses.Points.empty() && !Uses.AnyUse) {
    SourceLocation Loc = Var->getLocation();
    if (claim(Loc, SM))
      diag(Loc, "cancel function %0 returned by %1 is never used")
          << Var << Factory->getDirectCallee();
    return;
  }
  if (Fn->isMain())
    return; // the program ends: everything is cancelled
  std::optional<analysis::LeakingExit> Exit =
      Graph->findUndischargedExit(Start, Uses.Points);
  if (!Exit || !claim(Factory->getBeginLoc(), SM))
    return;
  diag(Factory->getBeginLoc(),
       "cancel function %0 returned by %1 is not called on every path")
      << Var << Factory->getDirectCallee();
  diag(Exit->Loc,
       "this %select{return|throw|co_return|end of the function}0 is reached "
       "without calling %1",
       DiagnosticIDs::Note)
      << static_cast<int>(Exit->Kind) << Var;
}

//===----------------------------------------------------------------------===//
// A token not passed on to a blocking call.
//===----------------------------------------------------------------------===//

void DroppedCancellationCheck::checkBlockingCall(const CallExpr *Call,
                                                 const FunctionDecl *Fn,
                                                 ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Callee = Call->getDirectCallee();
  llvm::SmallVector<Token, 4> Tokens =
      tokensInScope(Model, Fn, Call, Ctx, Locals::Inherited);
  // A call that already involves a token (`ctx.done().recv()`) waits on it.
  if (Tokens.empty() || refersToToken(Call, Tokens, Ctx) ||
      sendHasRoom(Model, Call, Ctx))
    return;
  auto Overloads = Model.findCancellableOverloads(Callee);
  if (Overloads.empty())
    return;

  // Which token fits which overload: directly, or a context through its
  // stop_token() bridge.
  const Token *Direct = nullptr, *Bridged = nullptr;
  unsigned NumDirect = 0, NumBridged = 0;
  const model::CancellableOverload *DirectFor = nullptr, *BridgedFor = nullptr;
  for (const Token &T : Tokens) {
    bool Counted = false, CountedBridge = false;
    for (const model::CancellableOverload &O : Overloads) {
      if (O.TakesContext == T.IsContext) {
        if (!Counted) {
          ++NumDirect;
          Counted = true;
          Direct = &T;
          DirectFor = &O;
        }
      } else if (!O.TakesContext && T.IsContext &&
                 hasStopTokenBridge(T.Var->getType())) {
        if (!CountedBridge) {
          ++NumBridged;
          CountedBridge = true;
          Bridged = &T;
          BridgedFor = &O;
        }
      }
    }
  }
  std::string Text;
  const model::CancellableOverload *Chosen = nullptr;
  const Token *Named = &Tokens.front();
  if (NumDirect == 1) {
    Text = Direct->Var->getName().str();
    Chosen = DirectFor;
    Named = Direct;
  } else if (NumDirect == 0 && NumBridged == 1) {
    Text = Bridged->Var->getName().str() + ".stop_token()";
    Chosen = BridgedFor;
    Named = Bridged;
  }

  SourceLocation Loc = Call->getExprLoc();
  if (!claim(Loc, SM))
    return;
  auto Diag = diag(Loc, "%0 blocks without the cancellation in scope; pass "
                        "%1 to the overload that takes a %select{stop "
                        "token|context}2")
              << Callee->getDeclName() << Named->Var
              << (Chosen ? Chosen->TakesContext : Overloads[0].TakesContext);
  if (!Chosen || Call->getBeginLoc().isMacroID() ||
      Call->getEndLoc().isMacroID())
    return;
  unsigned Written = 0;
  for (const Expr *Arg : Call->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    ++Written;
  }
  unsigned Index = Chosen->TokenParam;
  // A member call's arguments do not include the object.
  if (Index < Written) {
    SourceLocation Before = Call->getArg(Index)->getBeginLoc();
    if (!Before.isMacroID())
      Diag << FixItHint::CreateInsertion(Before, Text + ", ");
  } else if (Written > 0) {
    SourceLocation After = Lexer::getLocForEndOfToken(
        Call->getArg(Written - 1)->getEndLoc(), 0, SM, Ctx.getLangOpts());
    if (After.isValid())
      Diag << FixItHint::CreateInsertion(After, ", " + Text);
  } else {
    Diag << FixItHint::CreateInsertion(Call->getRParenLoc(), Text);
  }
}

//===----------------------------------------------------------------------===//
// Tasks: spawned with background(), without the token, or ignoring it.
//===----------------------------------------------------------------------===//

void DroppedCancellationCheck::checkSpawn(const Expr *SiteExpr,
                                          const FunctionDecl *Fn,
                                          ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<model::SpawnSite> Site = Model.getSpawnSite(SiteExpr);
  if (!Site)
    return;
  llvm::SmallVector<Token, 4> Tokens;
  if (Fn)
    Tokens = tokensInScope(Model, Fn, SiteExpr, Ctx);

  // go(worker, background()) while a context is in scope.
  if (!Tokens.empty()) {
    for (unsigned I = 0; I < Site->NumArgs; ++I) {
      const Expr *Arg = Site->Args[I]->IgnoreImplicit()->IgnoreParens();
      if (!Model.isBackgroundContext(calleeOf(Arg)))
        continue;
      const Token *Context = nullptr;
      unsigned NumContexts = 0;
      for (const Token &T : Tokens)
        if (T.IsContext) {
          Context = &T;
          ++NumContexts;
        }
      if (!claim(Arg->getBeginLoc(), SM))
        continue;
      const Token &Named = Context ? *Context : Tokens.front();
      auto Diag = diag(Arg->getBeginLoc(),
                       "task is spawned with '%0()' although %1 is in "
                       "scope; its cancellation does not reach the task")
                  << calleeOf(Arg)->getName() << Named.Var;
      if (NumContexts == 1 && !Arg->getBeginLoc().isMacroID() &&
          !Arg->getEndLoc().isMacroID())
        Diag << FixItHint::CreateReplacement(Arg->getSourceRange(),
                                             Context->Var->getName());
    }
  }

  const FunctionDecl *Task = model::ApiModel::getTaskFunction(Site->Body);
  if (!Task || !Task->hasBody() || Task->isInvalidDecl())
    return;
  const Stmt *TaskBody = Task->getBody();
  if (SM.isInSystemHeader(Task->getLocation()))
    return;

  const bool TakesStopToken = checkUnusedTokenParameters(*Site, Task);
  const bool TakesToken =
      llvm::any_of(Task->parameters(), [&](const ParmVarDecl *Param) {
        return Model.isTokenType(Param->getType());
      });
  const bool ReportedLoop = Site->Kind == model::SpawnKind::StdJThread &&
                            !TakesStopToken &&
                            checkJThreadLoop(SiteExpr, Task, Ctx);

  // A lambda task that blocks but gets none of the tokens in scope.
  if (Tokens.empty() || TakesToken || ReportedLoop || !ReportUntokenedTasks)
    return;
  const auto *Lambda = dyn_cast<LambdaExpr>(Site->Body->IgnoreImplicit());
  if (!Lambda)
    Lambda = dyn_cast<LambdaExpr>(Site->Body->IgnoreParenImpCasts());
  if (!Lambda || holdsCancellation(Model, Lambda, Ctx))
    return;
  const CallExpr *Blocking = findCancellableBlockingCall(Model, TaskBody, Ctx);
  if (!Blocking)
    return;
  SourceLocation Loc = Site->Body->getBeginLoc();
  if (!claim(Loc, SM))
    return;
  diag(Loc, "task blocks in %0 but is given none of the cancellation in "
            "scope; pass %1 to the task")
      << Blocking->getDirectCallee()->getDeclName() << Tokens.front().Var;
  diag(Blocking->getExprLoc(), "blocks here", DiagnosticIDs::Note);
}

bool DroppedCancellationCheck::checkUnusedTokenParameters(
    const model::SpawnSite &Site, const FunctionDecl *Task) {
  const SourceManager &SM = Task->getASTContext().getSourceManager();
  bool TakesStopToken = false;
  for (const ParmVarDecl *Param : Task->parameters()) {
    QualType T = Param->getType();
    bool IsContext = Model.isContextType(T);
    bool IsStopToken = Model.isStopTokenType(T);
    TakesStopToken |= IsStopToken;
    if ((!IsContext && !IsStopToken) || Param->isReferenced())
      continue;
    SourceLocation Loc = Param->getLocation();
    if (!claim(Loc, SM))
      continue;
    std::string What = IsContext ? "context" : "stop token";
    if (Param->getIdentifier())
      What += " '" + Param->getName().str() + "'";
    diag(Loc, "task takes a %0 but never uses it; cancellation cannot reach "
              "the task")
        << What;
    diag(Site.Site->getBeginLoc(), "task spawned here", DiagnosticIDs::Note);
  }
  return TakesStopToken;
}

bool DroppedCancellationCheck::checkJThreadLoop(const Expr *SiteExpr,
                                                const FunctionDecl *Task,
                                                ASTContext &Ctx) {
  // Yields to tether-loop-without-exit, which reports the loop itself.
  if (!ReportJThreadLoops || isEnabled(check_names::LoopWithoutExit))
    return false;
  const Stmt *Loop = findForeverLoopBelow(Task, summaries(Ctx), Ctx);
  SourceLocation Loc = SiteExpr->getExprLoc();
  if (!Loop || !claim(Loc, Ctx.getSourceManager()))
    return false;
  diag(Loc, "std::jthread runs a loop that never exits and its callable takes "
            "no std::stop_token; the destructor's request_stop cannot reach "
            "it and join hangs");
  diag(Loop->getBeginLoc(), "this loop never exits", DiagnosticIDs::Note);
  return true;
}

//===----------------------------------------------------------------------===//
// A discarded std::stop_callback.
//===----------------------------------------------------------------------===//

void DroppedCancellationCheck::checkStopCallback(
    const CXXConstructExpr *Construct, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Construct->getNumArgs() == 1 && Construct->getConstructor() &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    return;
  DynTypedNode Parent = valueParent(Construct, Ctx);
  const Stmt *ParentStmt = Parent.get<Stmt>();
  if (!ParentStmt || !(isa<CompoundStmt>(ParentStmt) || isVoidCast(ParentStmt)))
    return;
  SourceLocation Loc = Construct->getBeginLoc();
  if (!claim(Loc, SM))
    return;
  diag(Loc, "std::stop_callback temporary is destroyed at the end of the "
            "statement: the callback is unregistered at once");
  diag(Loc,
       "name it so that it lives to the end of the scope: "
       "'std::stop_callback on_stop(token, callback);'",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::tether
