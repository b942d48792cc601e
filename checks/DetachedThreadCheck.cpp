//===--- DetachedThreadCheck.cpp - tether clang-tidy ----------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// A detached thread cannot be joined: nothing waits for it to end, and
// nothing but the program's exit stops it. That is safe for a body that
// ends by itself and owns what it uses. Two bodies are not: one that loops
// forever without observing a stop signal (a goroutine leaked for the life
// of the process), and one that reaches, by reference or through `this`, an
// object its spawner destroys while the thread may still run.
//
// The thread is found from the object `detach()` is called on: a
// `std::thread(...)` temporary, or a local initialised with one.
//
//===----------------------------------------------------------------------===//

#include "DetachedThreadCheck.h"
#include "analysis/CallGraph.h"
#include "analysis/LoopExits.h"
#include "analysis/ValueFlow.h"
#include "model/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

namespace {

bool isThreadDetach(const FunctionDecl &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  if (!Method || !F.getIdentifier() || F.getName() != "detach")
    return false;
  const CXXRecordDecl *Class = Method->getParent();
  return Class->getIdentifier() && Class->getName() == "thread" &&
         model::isInStd(Class);
}

/// The construction of the thread that `Object` (what `detach()` is called
/// on) names: a temporary, or a local variable initialised with one and
/// never assigned another thread.
const CXXConstructExpr *threadConstruction(const Expr *Object,
                                           ASTContext &Ctx) {
  const Expr *E = analysis::stripTransparent(Object);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
        Var->getType()->isReferenceType() || !Var->getInit())
      return nullptr;
    const FunctionDecl *Owner = analysis::owningFunction(Var);
    if (!Owner)
      return nullptr;
    for (const DeclRefExpr *Use :
         analysis::referencesTo(Var, *Owner->getBody(), Ctx)) {
      DynTypedNode Parent = analysis::valueParent(Use, Ctx);
      if (const auto *Op = Parent.get<CXXOperatorCallExpr>();
          Op && Op->getOperator() == OO_Equal)
        return nullptr; // another thread may be the one detached
    }
    E = analysis::stripTransparent(Var->getInit());
  }
  return dyn_cast<CXXConstructExpr>(E);
}

/// True if `Spawner`, after `Detach`, waits for something: a future, a
/// condition variable, a latch or barrier, a semaphore, a join. A detached
/// thread that signals its end that way does not outlive the locals it uses.
bool waitsAfter(const FunctionDecl *Spawner, const Expr *Detach,
                const SourceManager &SM) {
  bool Waits = false;
  analysis::forEachOwnStmt(Spawner->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    if (Waits || !Call ||
        !SM.isBeforeInTranslationUnit(Detach->getEndLoc(), Call->getBeginLoc()))
      return;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    Waits = llvm::is_contained({"wait", "wait_for", "wait_until", "get", "join",
                                "acquire", "arrive_and_wait"},
                               Callee->getName());
  });
  return Waits;
}

/// True if the objects of `Class` are never destroyed in this unit: each
/// construction of it is a `new` and nothing deletes one, through a base
/// either (a singleton that lives as long as the process, as a thread it
/// detaches does).
bool isImmortal(const CXXRecordDecl *Class, ASTContext &Ctx) {
  bool Constructed = false, Mortal = false;
  const CXXRecordDecl *Canonical = Class->getCanonicalDecl();
  auto IsClass = [&](QualType T) {
    const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
    return RD && RD->getCanonicalDecl() == Canonical;
  };
  // Asked only of a detach that borrows `this`: one walk of the unit.
  auto Found =
      match(translationUnitDecl(forEachDescendant(
                expr(anyOf(cxxNewExpr(), cxxDeleteExpr(), cxxConstructExpr()))
                    .bind("e"))),
            Ctx);
  llvm::SmallPtrSet<const Expr *, 4> Allocated;
  for (const BoundNodes &Nodes : Found)
    if (const auto *New = Nodes.getNodeAs<CXXNewExpr>("e");
        New && IsClass(New->getAllocatedType())) {
      Constructed = true;
      Allocated.insert(New->getConstructExpr());
    }
  for (const BoundNodes &Nodes : Found) {
    const auto *S = Nodes.getNodeAs<Expr>("e");
    if (const auto *Delete = dyn_cast<CXXDeleteExpr>(S)) {
      const CXXRecordDecl *Deleted =
          Delete->getDestroyedType().isNull()
              ? nullptr
              : Delete->getDestroyedType()->getAsCXXRecordDecl();
      Mortal |= Deleted &&
                (IsClass(Delete->getDestroyedType()) ||
                 (Class->hasDefinition() && Class->isDerivedFrom(Deleted)));
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S);
               Construct && IsClass(Construct->getType()))
      Mortal |= !Allocated.contains(Construct);
  }
  return Constructed && !Mortal;
}

/// How the thread reaches an object it does not own.
struct Borrowed {
  const ValueDecl *Var = nullptr; ///< null for `this`
  SourceLocation Loc;             ///< the capture or argument
};

/// The locals of `Spawner` and `this` that the thread's body reaches without
/// owning them: captured by reference, `this` captured, `std::ref(local)` or
/// `this` passed as an argument. References and pointers name objects that
/// live elsewhere: not counted.
llvm::SmallVector<Borrowed, 2> borrowedObjects(const model::SpawnSite &Site,
                                               const FunctionDecl *Spawner) {
  llvm::SmallVector<Borrowed, 2> Found;
  auto IsSpawnersLocal = [&](const ValueDecl *D) {
    const auto *Var = dyn_cast_or_null<VarDecl>(D);
    return Var && Var->hasLocalStorage() &&
           !Var->getType()->isReferenceType() &&
           !Var->getType()->isPointerType() &&
           cast<Decl>(Var->getParentFunctionOrMethod())->getCanonicalDecl() ==
               Spawner->getCanonicalDecl();
  };
  if (const auto *Lambda =
          dyn_cast<LambdaExpr>(analysis::stripToCallable(Site.Body))) {
    for (const LambdaCapture &Capture : Lambda->captures()) {
      if (Capture.capturesThis())
        Found.push_back({nullptr, Capture.getLocation()});
      else if (Capture.capturesVariable() &&
               Capture.getCaptureKind() == LCK_ByRef &&
               IsSpawnersLocal(Capture.getCapturedVar()))
        Found.push_back({Capture.getCapturedVar(), Capture.getLocation()});
    }
  }
  for (unsigned I = 0; I < Site.NumArgs; ++I) {
    const Expr *Arg = analysis::stripTransparent(Site.Args[I]);
    if (isa<CXXThisExpr>(Arg)) {
      Found.push_back({nullptr, Arg->getBeginLoc()});
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(Arg);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() != 1 ||
        !model::isInStd(Callee) ||
        (Callee->getName() != "ref" && Callee->getName() != "cref"))
      continue;
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(analysis::stripTransparent(Call->getArg(0)));
        Ref && IsSpawnersLocal(Ref->getDecl()))
      Found.push_back({Ref->getDecl(), Arg->getBeginLoc()});
  }
  return Found;
}

} // namespace

DetachedThreadCheck::DetachedThreadCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0) {}

void DetachedThreadCheck::registerCheckMatchers(MatchFinder *Finder) {
  model::addRoleMatcher<CallExpr>(
      Finder, {model::calleeRole("detach", isThreadDetach)}, this);
}

void DetachedThreadCheck::check(const MatchFinder::MatchResult &Result) {
  // In instantiations too: in a template's pattern a thread made from a
  // dependent callable is not resolved yet. Each location is reported once.
  std::optional<MatchScope> Scope = scopeOf(Result, /*InInstantiations=*/true);
  if (!Scope || !Scope->Fn || !Scope->Fn->hasBody())
    return;
  const auto *Detach = Result.Nodes.getNodeAs<CXXMemberCallExpr>("detach");
  if (!Detach)
    return;
  ASTContext &Ctx = *Result.Context;
  const CXXConstructExpr *Construct =
      threadConstruction(Detach->getImplicitObjectArgument(), Ctx);
  if (!Construct || Construct->containsErrors())
    return;
  std::optional<model::SpawnSite> Site = Model.getSpawnSite(Construct);
  if (!Site || !Site->Body)
    return;
  // The body is needed to see its loops, not what it borrows (a function
  // defined elsewhere is given `std::ref(local)` all the same).
  const FunctionDecl *Task = model::ApiModel::getTaskFunction(Site->Body);
  if (Task && Task->hasBody() &&
      (Task->isInvalidDecl() || analysis::containsErrors(Task->getBody())))
    return;
  if (Task && Task->hasBody() &&
      !Result.SourceManager->isInSystemHeader(Task->getLocation()) &&
      checkNeverEnds(Detach, Task, Ctx))
    return;
  checkOutlivedObjects(Detach, *Site, Scope->Fn, Ctx);
}

//===----------------------------------------------------------------------===//
// A body that never ends: nothing can stop the detached thread.
//===----------------------------------------------------------------------===//

bool DetachedThreadCheck::checkNeverEnds(const CXXMemberCallExpr *Detach,
                                         const FunctionDecl *Task,
                                         ASTContext &Ctx) {
  // The body's first loop with an always-true condition, in its own code or
  // at any depth of its calls (model/CallSummaries.h).
  model::CallSummaries &Graph = summaries(Ctx);
  const analysis::FunctionSummary *Summary = Graph.summaryOf(Task);
  if (!Summary || Summary->has(model::HasErrors) ||
      !Summary->has(analysis::ForeverLoop))
    return false;
  const Stmt *Loop = Summary->Witness[analysis::ForeverLoop];
  // Nothing may leave it or stop it: no break or return in it, no call
  // below it that throws or observes a stop signal, and no call whose
  // target is unknown (it may do either).
  analysis::Facts InLoop = Graph.facts(Loop);
  if (!analysis::loopNeverExits(Loop, Ctx) || InLoop.has(analysis::MayLeave) ||
      InLoop.has(model::UsesStopSignal) || InLoop.CallsIndirect)
    return false;
  if (!claim(Detach->getExprLoc(), Ctx.getSourceManager()))
    return false;
  diag(Detach->getExprLoc(),
       "detached thread runs a loop that observes no stop signal; nothing "
       "can stop it or wait for it to end");
  for (const Expr *Call : Graph.pathTo(Task, analysis::ForeverLoop))
    diag(Call->getExprLoc(), "called here", DiagnosticIDs::Note);
  diag(Loop->getBeginLoc(),
       "this loop never exits: check a stop flag or token in it and keep the "
       "thread joinable, so that its owner can stop it and join it",
       DiagnosticIDs::Note);
  return true;
}

//===----------------------------------------------------------------------===//
// A body that uses what its spawner destroys.
//===----------------------------------------------------------------------===//

void DetachedThreadCheck::checkOutlivedObjects(const CXXMemberCallExpr *Detach,
                                               const model::SpawnSite &Site,
                                               const FunctionDecl *Spawner,
                                               ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Spawner->isMain() || Spawner->isNoReturn())
    return; // its locals live until the program ends
  llvm::SmallVector<Borrowed, 2> Objects = borrowedObjects(Site, Spawner);
  if (Objects.empty() || waitsAfter(Spawner, Detach, SM))
    return;
  const Borrowed &First = Objects.front();
  if (!First.Var)
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Spawner);
        Method && isImmortal(Method->getParent(), Ctx))
      return;
  if (!claim(Detach->getExprLoc(), SM))
    return;
  diag(Detach->getExprLoc(),
       "detached thread uses %select{the object 'this' points to|%1}0, which "
       "may be destroyed while the thread still runs")
      << (First.Var != nullptr) << First.Var;
  if (First.Var)
    diag(First.Loc,
         "%0 is passed by reference here and destroyed when the spawning "
         "function returns; pass it by value or in a 'std::shared_ptr', or "
         "join the thread",
         DiagnosticIDs::Note)
        << First.Var;
  else
    diag(First.Loc,
         "'this' is captured here; nothing keeps the object alive after its "
         "owner destroys it: capture 'shared_from_this()', or keep the "
         "thread and join it in the destructor",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::tether
