//===--- LoopWithoutExitCheck.cpp - tether clang-tidy ---------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// A loop in a task body (the callable given to a spawn site, and the
// functions it calls, at any depth) is reported when
//   - nothing leaves it: no break, return, throw, goto, co_return, suspension
//     or [[noreturn]] call, here or in a function it calls;
//   - its condition is always true, or reads only variables that cannot
//     change inside the loop; a plain bool that another thread can write
//     gets its own message (a data race the compiler may hoist);
//   - it checks no context or stop token and touches no channel (a receive
//     ends when the channel is closed, a send throws).
//
//===----------------------------------------------------------------------===//

#include "LoopWithoutExitCheck.h"
#include "analysis/CallGraph.h"
#include "analysis/LoopExits.h"
#include "analysis/Mutation.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "model/Matchers.h"
#include "utils/Aliasing.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using analysis::forEachStmt;

/// One task: its spawn site, the function that spawns it and the function
/// it runs.
struct LoopWithoutExitCheck::Task {
  model::SpawnSite Site;
  const FunctionDecl *Spawner = nullptr;
  const FunctionDecl *Body = nullptr;
};

namespace {

const Stmt *bodyOf(const FunctionDecl *Fn) {
  const Stmt *Body = Fn->getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coroutine->getBody();
  return Body;
}

const CXXRecordDecl *lambdaOf(const FunctionDecl *Fn) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Fn);
  return Method && Method->getParent()->isLambda() ? Method->getParent()
                                                   : nullptr;
}

bool isAtomicOrVolatile(QualType T) {
  return T.getNonReferenceType().isVolatileQualified() ||
         model::isAtomicType(T);
}

bool isPlainBool(QualType T) {
  T = T.getNonReferenceType();
  return !T.isNull() && !T->isDependentType() && T->isBooleanType() &&
         !isAtomicOrVolatile(T);
}

/// True if the standard library's locks or condition variables are used in
/// `S`: a flag read beside them is ordered by them in practice.
bool synchronizes(const Stmt *S) {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *Node) {
    const CXXRecordDecl *Class = nullptr;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Node))
      Class = model::getRecord(Construct->getType());
    else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Node))
      Class = Member->getRecordDecl();
    if (!Class || !Class->getIdentifier() || !model::isInStd(Class))
      return;
    StringRef Name = Class->getName();
    Found |= Name.ends_with("lock") || Name.ends_with("lock_guard") ||
             Name.contains("mutex") || Name.contains("condition_variable");
  });
  return Found;
}

/// What a loop's condition reads.
struct Condition {
  enum Kind { Constant, Shared, Changes };
  Kind Result = Constant;
  /// The first plain bool another thread can write, for the message.
  const Expr *SharedRef = nullptr;
  const ValueDecl *SharedDecl = nullptr;
  /// Variables that cannot change inside the loop, for the notes.
  llvm::SmallVector<std::pair<const Expr *, const ValueDecl *>, 2> Fixed;
  /// A variable captured by copy: the spawner's changes are not seen.
  const ValueDecl *CopiedCapture = nullptr;
  const Expr *CopiedRef = nullptr;

  void changes() { Result = Changes; }
  void shared(const Expr *Ref, const ValueDecl *D) {
    if (Result == Changes)
      return;
    Result = Shared;
    if (!SharedRef) {
      SharedRef = Ref;
      SharedDecl = D;
    }
  }
};

/// Classifies what the condition of one loop reads.
class ConditionReader {
public:
  ConditionReader(const FunctionDecl *Fn, bool IsTaskBody, const Stmt *Loop,
                  const analysis::Facts &Calls, ASTContext &Ctx)
      : Fn(Fn), IsTaskBody(IsTaskBody), Loop(Loop), Calls(Calls), Ctx(Ctx),
        Mutations(*Loop, Ctx) {}

  Condition read(const Expr *Cond) {
    if (!analysis::isConstantTrueCondition(Cond, Ctx))
      visit(Cond);
    if (Result.Result == Condition::Shared && synchronizes(Loop))
      Result.changes();
    return Result;
  }

private:
  void visit(const Expr *E) {
    if (Result.Result == Condition::Changes || !E)
      return;
    E = E->IgnoreParenImpCasts();
    if (E->isTypeDependent() || E->isValueDependent()) {
      // A constant that only an instantiation knows.
      return Result.changes();
    }
    if (isa<IntegerLiteral, CXXBoolLiteralExpr, FloatingLiteral,
            CharacterLiteral, CXXNullPtrLiteralExpr>(E))
      return;
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->isIncrementDecrementOp())
        return Result.changes();
      if (Unary->getOpcode() == UO_Deref)
        return readThrough(Unary, Unary->getSubExpr());
      return visit(Unary->getSubExpr());
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
      if (Binary->isAssignmentOp() || Binary->isCompoundAssignmentOp())
        return Result.changes();
      visit(Binary->getLHS());
      return visit(Binary->getRHS());
    }
    if (const auto *Conditional = dyn_cast<ConditionalOperator>(E)) {
      visit(Conditional->getCond());
      visit(Conditional->getTrueExpr());
      return visit(Conditional->getFalseExpr());
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (isa<EnumConstantDecl>(Ref->getDecl()))
        return;
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        return readVariable(Ref, Var);
      return Result.changes();
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return readMember(Member);
    // Calls, subscripts, casts to class types: anything may change.
    Result.changes();
  }

  /// Where a variable's value lives, seen from the loop.
  enum class Storage { Own, Copy, Shared, Unknown };

  Storage storageOf(const DeclRefExpr *Ref, const VarDecl *Var) {
    if (Var->getTLSKind() != VarDecl::TLS_None)
      return Storage::Unknown;
    if (Var->getType()->isReferenceType())
      return IsTaskBody ? Storage::Shared : Storage::Unknown;
    if (Var->hasGlobalStorage())
      return Storage::Shared;
    if (Ref->refersToEnclosingVariableOrCapture()) {
      const CXXRecordDecl *Lambda = lambdaOf(Fn);
      if (!Lambda)
        return Storage::Unknown;
      for (const LambdaCapture &Capture : Lambda->captures()) {
        if (!Capture.capturesVariable() || Capture.getCapturedVar() != Var)
          continue;
        if (Capture.getCaptureKind() == LCK_ByCopy)
          return Storage::Copy;
        return IsTaskBody ? Storage::Shared : Storage::Unknown;
      }
      return Storage::Unknown;
    }
    if (Var->hasLocalStorage()) {
      if (utils::hasPtrOrReferenceInFunc(Fn, Var))
        return Storage::Unknown;
      return Storage::Own;
    }
    return Storage::Unknown;
  }

  void readVariable(const DeclRefExpr *Ref, const VarDecl *Var) {
    QualType T = Var->getType();
    if (isAtomicOrVolatile(T) || T->isDependentType())
      return Result.changes();
    if (Mutations.isMutated(Var) || writtenByCallees(Var))
      return Result.changes();
    switch (storageOf(Ref, Var)) {
    case Storage::Own:
      Result.Fixed.push_back({Ref, Var});
      return;
    case Storage::Copy:
      Result.Fixed.push_back({Ref, Var});
      if (!Result.CopiedCapture) {
        Result.CopiedCapture = Var;
        Result.CopiedRef = Ref;
      }
      return;
    case Storage::Shared:
      if (T.getNonReferenceType().isConstQualified() && !T->isReferenceType()) {
        Result.Fixed.push_back({Ref, Var});
        return;
      }
      if (isPlainBool(T))
        return Result.shared(Ref, Var);
      return Result.changes();
    case Storage::Unknown:
      return Result.changes();
    }
  }

  /// `*p`: the pointee of a pointer another thread may hold.
  void readThrough(const Expr *Deref, const Expr *Pointer) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Pointer->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || !IsTaskBody || !isPlainBool(Deref->getType()) ||
        Mutations.isMutated(Var) || Mutations.isPointeeMutated(Var))
      return Result.changes();
    Result.shared(Deref, Var);
  }

  void readMember(const MemberExpr *Member) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return Result.changes();
    QualType T = Field->getType();
    if (isAtomicOrVolatile(T) || T->isDependentType() || Field->isMutable())
      return Result.changes();
    if (fieldWritten(Field))
      return Result.changes();
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    bool SharedBase = Member->isArrow();
    if (isa<CXXThisExpr>(Base)) {
      SharedBase = true;
    } else if (const auto *Outer = dyn_cast<MemberExpr>(Base)) {
      // `this->state.running`, `cfg.inner.flag`: as shared as the outer.
      Condition Saved = Result;
      readMember(Outer);
      bool OuterShared = Result.Result == Condition::Shared;
      bool OuterChanges = Result.Result == Condition::Changes;
      Result = Saved;
      if (OuterChanges && !Member->isArrow())
        return Result.changes();
      SharedBase |= OuterShared || OuterChanges;
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || Mutations.isMutated(Var))
        return Result.changes();
      if (!SharedBase) {
        switch (storageOf(Ref, Var)) {
        case Storage::Own:
        case Storage::Copy:
          Result.Fixed.push_back({Member, Field});
          return;
        case Storage::Shared:
          SharedBase = true;
          break;
        case Storage::Unknown:
          return Result.changes();
        }
      }
    } else {
      return Result.changes();
    }
    if (T.isConstQualified()) {
      Result.Fixed.push_back({Member, Field});
      return;
    }
    if (SharedBase && IsTaskBody && isPlainBool(T))
      return Result.shared(Member, Field);
    if (SharedBase && isPlainBool(T) && isa<CXXThisExpr>(Base))
      return Result.shared(Member, Field);
    Result.changes();
  }

  /// True if the loop, or a function it calls at any depth, writes `Field`;
  /// or if it calls a member function of the field's class whose body this
  /// translation unit lacks.
  bool fieldWritten(const FieldDecl *Field) {
    bool Written = Calls.writes(Field);
    forEachStmt(Loop, [&](const Stmt *Node) {
      const auto *Use = dyn_cast<MemberExpr>(Node);
      if (!Written && Use && Use->getMemberDecl() == Field &&
          Mutations.isMutated(Use))
        Written = true;
    });
    return Written ||
           llvm::any_of(Calls.Opaque, [&](const FunctionDecl *Callee) {
             const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
             return Method && !Method->isConst() && !Method->isStatic() &&
                    Method->getParent() == Field->getParent();
           });
  }

  /// True if a function called from the loop, at any depth, writes `Var`.
  bool writtenByCallees(const VarDecl *Var) {
    if (Var->hasLocalStorage() && !Var->getType()->isReferenceType())
      return false; // only reachable from here
    return Calls.writes(Var->getCanonicalDecl());
  }

  const FunctionDecl *Fn;
  const bool IsTaskBody;
  const Stmt *Loop;
  /// What the loop does through the functions it calls.
  const analysis::Facts &Calls;
  ASTContext &Ctx;
  analysis::MutationScope Mutations;
  Condition Result;
};

/// True if `Type` carries a way to stop: a stop token or source, a context,
/// or a channel (a receive ends once it is closed, a send throws).
bool carriesStop(const model::ApiModel &Model, QualType Type) {
  return !Type.isNull() &&
         (Model.isTokenType(Type) || Model.isStopSourceType(Type) ||
          Model.isChannelType(Type));
}

/// True if something in `Loop` can stop it: it uses a token, context or
/// channel, selects, calls `stop_requested` or a cancellation point, calls
/// a function that may leave it or uses a token (at any depth: `Calls`),
/// or, inside a try block (`InTry`), calls a function that may throw to the
/// handlers. Code with errors (mid-edit) is not understood well enough to
/// report.
bool observesStop(const model::ApiModel &Model,
                  const model::NameList &CancellationPoints, const Stmt *Loop,
                  const analysis::Facts &Calls, bool InTry) {
  if (Calls.has(model::UsesStopSignal) || Calls.has(model::HasErrors) ||
      Calls.has(analysis::MayLeave))
    return true;
  bool Observes = false;
  forEachStmt(Loop, [&](const Stmt *Node) {
    if (Observes)
      return;
    if (const auto *E = dyn_cast<Expr>(Node))
      Observes |= E->containsErrors() || carriesStop(Model, E->getType());
    if (const auto *Decls = dyn_cast<DeclStmt>(Node))
      for (const Decl *D : Decls->decls())
        Observes |= D->isInvalidDecl();
    const auto *Call = dyn_cast<CallExpr>(Node);
    if (!Call)
      return;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && (model::hasRole(Callee, model::role::Select) ||
                   Model.isRecv(Callee) || Model.isSend(Callee)))
      Observes = true;
    if (Callee &&
        (Model.isStopCheck(Callee) || CancellationPoints.contains(Callee)))
      Observes = true;
    // Inside a try block, a call that may throw is the way out the handlers
    // expect (a queue's pop that throws once the queue is closed).
    if (InTry) {
      const auto *Proto =
          Callee ? Callee->getType()->getAs<FunctionProtoType>() : nullptr;
      if (!Proto || !Proto->isNothrow())
        Observes = true;
    }
    if (Callee && Callee->isNoReturn())
      Observes = true;
  });
  return Observes;
}

/// The loop's only exit is a plain bool another thread writes.
void reportSharedFlag(ClangTidyCheck &Check, const Condition &Cond,
                      SourceLocation Loc) {
  Check.diag(Loc, "loop's only exit condition %0 is a plain bool shared with "
                  "another thread: a data race, and the compiler may hoist "
                  "the read so that the loop never stops")
      << Cond.SharedDecl << Cond.SharedRef->getSourceRange();
  Check.diag(Cond.SharedRef->getExprLoc(),
             "make %0 a 'std::atomic<bool>', or stop the task with a "
             "'std::stop_token' or a context",
             DiagnosticIDs::Note)
      << Cond.SharedDecl;
}

/// The loop never exits: notes at what cannot change, and the token to
/// check (the one the function already has, if any).
void reportNeverExits(ClangTidyCheck &Check, const model::ApiModel &Model,
                      const Condition &Cond, const FunctionDecl *Fn,
                      SourceLocation Loc) {
  Check.diag(Loc, "loop in a task never exits and checks no context or stop "
                  "token: the task can never stop");
  for (const auto &[Ref, Decl] : Cond.Fixed)
    Check.diag(Ref->getExprLoc(),
               Decl == Cond.CopiedCapture
                   ? "%0 is captured by copy: the task never sees its "
                     "spawner change it"
                   : "%0 cannot change inside the loop",
               DiagnosticIDs::Note)
        << Decl;
  const ValueDecl *InScope = nullptr;
  for (const ParmVarDecl *Param : Fn->parameters())
    if (!InScope && Model.isTokenType(Param->getType()))
      InScope = Param;
  if (const CXXRecordDecl *Lambda = lambdaOf(Fn))
    for (const LambdaCapture &Capture : Lambda->captures())
      if (!InScope && Capture.capturesVariable() &&
          Model.isTokenType(Capture.getCapturedVar()->getType()))
        InScope = Capture.getCapturedVar();
  if (InScope)
    Check.diag(Loc, "check %0 in the loop and return once it is cancelled",
               DiagnosticIDs::Note)
        << InScope;
  else
    Check.diag(Loc,
               "give the task a context or 'std::stop_token' and return "
               "from the loop once it is cancelled",
               DiagnosticIDs::Note);
}

} // namespace

LoopWithoutExitCheck::LoopWithoutExitCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : TetherCheck(Name, Context,
                  model::ChannelOptions | model::SpawnOptions |
                      model::ContextOptions),
      IgnoreLoopsInMain(Options.get("IgnoreLoopsInMain", true)),
      IgnoreTasksSpawnedFromMain(
          Options.get("IgnoreTasksSpawnedFromMain", true)),
      HonorLivesForever(Options.get("HonorLivesForever", true)),
      CancellationPoints(Options.get("CancellationPoints", "")) {}

void LoopWithoutExitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "IgnoreLoopsInMain", IgnoreLoopsInMain);
  Options.store(Opts, "IgnoreTasksSpawnedFromMain", IgnoreTasksSpawnedFromMain);
  Options.store(Opts, "HonorLivesForever", HonorLivesForever);
  Options.store(Opts, "CancellationPoints", CancellationPoints.raw());
}

void LoopWithoutExitCheck::registerCheckMatchers(MatchFinder *Finder) {
  // A hand-written thread pool starts its workers with
  // `workers_.emplace_back(...)`.
  model::addRoleMatcher<CallExpr>(
      Finder,
      {model::spawnRole<CallExpr>(Model),
       {"emplaced-thread",
        [](const CallExpr &Call) {
          return model::ApiModel::getEmplacedThread(&Call).has_value();
        }}},
      this);
  model::addRoleMatcher<CXXConstructExpr>(
      Finder, {model::spawnRole<CXXConstructExpr>(Model)}, this);
}

void LoopWithoutExitCheck::check(const MatchFinder::MatchResult &Result) {
  // Instantiations too: a spawn whose callable depends on a template
  // parameter is only a spawn once instantiated. The task is then checked in
  // its pattern, once.
  std::optional<MatchScope> Scope = scopeOf(Result, /*InInstantiations=*/true);
  if (!Scope)
    return;
  std::optional<model::SpawnSite> Site;
  if (const auto *SiteExpr = Result.Nodes.getNodeAs<Expr>("spawn"))
    Site = Model.getSpawnSite(SiteExpr);
  else if (const auto *Emplace =
               Result.Nodes.getNodeAs<CallExpr>("emplaced-thread"))
    Site = model::ApiModel::getEmplacedThread(Emplace);
  if (!Site)
    return;
  Task T;
  T.Site = *Site;
  T.Spawner = Scope->Fn;
  T.Body = analysis::definitionAsWritten(
      model::ApiModel::getTaskFunction(Site->Body));
  if (!T.Body || T.Body->isInvalidDecl() || model::isInStd(T.Body))
    return;
  if (IgnoreTasksSpawnedFromMain && T.Spawner && T.Spawner->isMain())
    return;
  ASTContext &Ctx = *Result.Context;

  checkFunction(T, T.Body, {}, Ctx);

  // The functions the task calls, at any depth, that have loops: each with
  // the calls that lead to it from the task body.
  summaries(Ctx).forEachCalleeWith(
      analysis::AnyLoop, T.Body, /*Skip=*/nullptr,
      [&](const FunctionDecl *Fn, CallPathRef Via) {
        checkFunction(T, Fn, Via, Ctx);
        return true;
      });
}

bool LoopWithoutExitCheck::isExempt(const Task &T,
                                    const FunctionDecl *Fn) const {
  if (HonorLivesForever && (model::hasRole(Fn, model::role::LivesForever) ||
                            model::hasRole(T.Body, model::role::LivesForever)))
    return true;
  if (IgnoreLoopsInMain) {
    const FunctionDecl *Outer = analysis::outermostFunction(Fn);
    if (Outer && Outer->isMain())
      return true;
  }
  return false;
}

void LoopWithoutExitCheck::checkFunction(const Task &T, const FunctionDecl *Fn,
                                         CallPathRef Via, ASTContext &Ctx) {
  if (isExempt(T, Fn))
    return;
  // Loops of this function, outermost first; not those of nested lambdas,
  // which run elsewhere, nor those inside a loop already reported.
  // `InTry`: inside the try block of a try statement of this function, whose
  // handlers an exception from the loop leaves it for.
  std::function<void(const Stmt *, bool)> Walk = [&](const Stmt *S,
                                                     bool InTry) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      Walk(Try->getTryBlock(), true);
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        Walk(Try->getHandler(I), InTry);
      return;
    }
    if (isa<WhileStmt, DoStmt, ForStmt>(S)) {
      // Instantiations and several spawn sites of one task report it once.
      const SourceManager &SM = Ctx.getSourceManager();
      if (isClaimed(S->getBeginLoc(), SM))
        return;
      checkLoop(T, Fn, S, Via, InTry, Ctx);
      if (isClaimed(S->getBeginLoc(), SM))
        return;
    }
    for (const Stmt *Child : S->children())
      Walk(Child, InTry);
  };
  Walk(bodyOf(Fn), false);
}

void LoopWithoutExitCheck::checkLoop(const Task &T, const FunctionDecl *Fn,
                                     const Stmt *Loop, CallPathRef Via,
                                     bool InTry, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Loop->getBeginLoc();
  if (Loc.isInvalid() || (Loc.isMacroID() && SM.isInSystemMacro(Loc)))
    return;
  if (analysis::findLoopExit(Loop))
    return;
  analysis::Facts Calls = summaries(Ctx).facts(Loop);
  if (observesStop(Model, CancellationPoints, Loop, Calls, InTry))
    return;
  Condition Cond = ConditionReader(Fn, Fn == T.Body, Loop, Calls, Ctx)
                       .read(analysis::getLoopCondition(Loop));
  if (Cond.Result == Condition::Changes || !claim(Loc, SM))
    return;
  if (Cond.Result == Condition::Shared)
    reportSharedFlag(*this, Cond, Loc);
  else
    reportNeverExits(*this, Model, Cond, Fn, Loc);
  noteTask(T, Via);
}

void LoopWithoutExitCheck::noteTask(const Task &T, CallPathRef Via) {
  // From the loop's function up to the task body.
  noteCallPath(Via, "task");
  if (T.Site.Kind != model::SpawnKind::StdJThread) {
    diag(T.Site.Site->getExprLoc(), "task spawned here", DiagnosticIDs::Note);
    return;
  }
  bool TakesToken = llvm::any_of(T.Body->parameters(), [&](const auto *P) {
    return Model.isStopTokenType(P->getType());
  });
  diag(T.Site.Site->getExprLoc(),
       "std::jthread's destructor requests stop and then joins: %select{the "
       "callable takes no 'std::stop_token'|the loop never checks the "
       "callable's 'std::stop_token'}0, so the destructor hangs",
       DiagnosticIDs::Note)
      << TakesToken;
}

} // namespace clang::tidy::tether
