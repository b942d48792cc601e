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
// A thread of a library with handles (ThreadJoinFunctions, `create=join`)
// is unowned in another way: its owner keeps the handle `create` returns in
// a member and joins through it only when it is set, and the thread itself
// clears the member. The owner then skips the join and the thread is never
// joined (PhotonLibOS's Timer, whose one-shot thread cleared `_th`).
//
//===----------------------------------------------------------------------===//

#include "DetachedThreadCheck.h"
#include "analysis/CallGraph.h"
#include "analysis/LoopExits.h"
#include "analysis/ValueFlow.h"
#include "model/Matchers.h"
#include "utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
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

/// The `new`s, `delete`s and constructions of one class in a unit: one walk
/// of its code, instantiations and implicit code included, binding nothing.
class LifetimeEvents : public RecursiveASTVisitor<LifetimeEvents> {
public:
  explicit LifetimeEvents(const CXXRecordDecl *Class)
      : Class(Class), Canonical(Class->getCanonicalDecl()) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitCXXNewExpr(CXXNewExpr *New) {
    if (isClass(New->getAllocatedType())) {
      Constructed = true;
      Allocated.insert(New->getConstructExpr());
    }
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *Delete) {
    QualType T = Delete->getDestroyedType();
    const CXXRecordDecl *Deleted =
        T.isNull() ? nullptr : T->getAsCXXRecordDecl();
    AnyDeleted |= Deleted && (isClass(T) || (Class->hasDefinition() &&
                                             Class->isDerivedFrom(Deleted)));
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (isClass(Construct->getType()))
      Constructions.push_back(Construct);
    return true;
  }

  /// Constructed with `new`, and never on the stack, as a member or deleted.
  bool immortal() const {
    return Constructed && !AnyDeleted &&
           llvm::all_of(Constructions, [&](const CXXConstructExpr *C) {
             return Allocated.contains(C);
           });
  }

private:
  bool isClass(QualType T) const {
    const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
    return RD && RD->getCanonicalDecl() == Canonical;
  }

  const CXXRecordDecl *Class;
  const CXXRecordDecl *Canonical;
  bool Constructed = false, AnyDeleted = false;
  llvm::SmallPtrSet<const Expr *, 4> Allocated;
  llvm::SmallVector<const CXXConstructExpr *, 4> Constructions;
};

/// True if the objects of `Class` are never destroyed in this unit: each
/// construction of it is a `new` and nothing deletes one, through a base
/// either (a singleton that lives as long as the process, as a thread it
/// detaches does). Asked only of a detach that borrows `this`.
bool isImmortal(const CXXRecordDecl *Class, ASTContext &Ctx) {
  LifetimeEvents Events(Class);
  Events.TraverseAST(Ctx);
  return Events.immortal();
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

/// The member `Spawner` keeps the handle `Create` returns in: `h_ =
/// create(...)`, or a constructor's `h_(create(...))`; in a class template,
/// the pattern's member.
const FieldDecl *handleMember(const CallExpr *Create,
                              const FunctionDecl *Spawner) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Spawner))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() && Init->getInit() &&
          analysis::stripTransparent(Init->getInit()) == Create)
        return analysis::fieldAsWritten(Init->getMember());
  const FieldDecl *Found = nullptr;
  analysis::forEachOwnStmt(Spawner->getBody(), [&](const Stmt *S) {
    const auto *Op = dyn_cast<BinaryOperator>(S);
    if (!Found && Op && Op->getOpcode() == BO_Assign &&
        analysis::stripTransparent(Op->getRHS()) == Create)
      Found = dyn_cast_or_null<FieldDecl>(analysis::storageOf(Op->getLHS()));
  });
  return Found ? analysis::fieldAsWritten(Found) : nullptr;
}

/// True if `S` reads the member `Field` somewhere under it.
bool mentions(const Stmt *S, const FieldDecl *Field) {
  bool Found = false;
  analysis::forEachStmt(S, [&](const Stmt *Child) {
    if (const auto *Member = dyn_cast<MemberExpr>(Child))
      Found |= Member->getMemberDecl() == Field;
  });
  return Found;
}

/// True if `S` is, or holds, `Target`.
bool holds(const Stmt *S, const Stmt *Target) {
  bool Found = false;
  analysis::forEachStmt(S,
                        [&](const Stmt *Child) { Found |= Child == Target; });
  return Found;
}

/// True if `S` only returns: `return;` or `{ return; }`.
bool onlyReturns(const Stmt *S) {
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return Block->size() == 1 && onlyReturns(Block->body_front());
  return isa<ReturnStmt>(S);
}

/// True if `S` clears `Field`: assigns it a null pointer or zero.
bool clears(const Stmt *S, const FieldDecl *Field, ASTContext &Ctx) {
  const auto *Op = dyn_cast<BinaryOperator>(S);
  return Op && Op->getOpcode() == BO_Assign &&
         analysis::storageOf(Op->getLHS()) == Field &&
         Op->getRHS()->isNullPointerConstant(
             Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

/// Where the thread running `Task` clears `Field`, in its own code or in a
/// function it calls (at any depth), and the calls that lead there.
struct ClearSite {
  const Stmt *Write = nullptr;
  llvm::SmallVector<analysis::CallEdge, 2> Via;
};
std::optional<ClearSite> clearOf(const FunctionDecl *Task,
                                 const FieldDecl *Field,
                                 model::CallSummaries &Graph, ASTContext &Ctx) {
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{Task};
  llvm::SmallVector<std::pair<const FunctionDecl *, ClearSite>, 4> Queue{
      {Task, {}}};
  for (size_t I = 0; I < Queue.size(); ++I) {
    const FunctionDecl *Fn = Queue[I].first;
    const analysis::FunctionSummary *Summary = Graph.summaryOf(Fn);
    if (!Summary || !Summary->writes(Field))
      continue;
    const Stmt *Write = nullptr;
    analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
      if (!Write && clears(S, Field, Ctx))
        Write = S;
    });
    if (Write) {
      ClearSite Site = Queue[I].second;
      Site.Write = Write;
      return Site;
    }
    for (const analysis::CallEdge &Edge : Summary->Calls)
      if (!Edge.InLambda && Seen.insert(Edge.Callee).second) {
        ClearSite Next = Queue[I].second;
        Next.Via.push_back(Edge);
        Queue.push_back({Edge.Callee, std::move(Next)});
      }
  }
  return std::nullopt;
}

/// A member of the owner that joins the thread through `Field` only when
/// `Field` is set: the join sits under an `if` on it, or follows an `if` on
/// it that returns.
struct GuardedJoin {
  const FunctionDecl *Owner = nullptr;
  const IfStmt *Guard = nullptr;
  const CallExpr *Join = nullptr;
};
std::optional<GuardedJoin> guardedJoinOf(const FieldDecl *Field,
                                         const model::NameList &JoinNames,
                                         const SourceManager &SM) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class)
    return std::nullopt;
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Def = analysis::definitionAsWritten(Method);
    if (!Def || !Def->getBody())
      continue;
    GuardedJoin Found{Def, nullptr, nullptr};
    analysis::forEachOwnStmt(Def->getBody(), [&](const Stmt *S) {
      const auto *Call = dyn_cast<CallExpr>(S);
      if (Found.Join || !Call || !JoinNames.contains(Call->getDirectCallee()))
        return;
      for (const Expr *Arg : Call->arguments())
        if (analysis::storageOf(Arg->IgnoreParenCasts()) == Field)
          Found.Join = Call;
    });
    if (!Found.Join)
      continue;
    analysis::forEachOwnStmt(Def->getBody(), [&](const Stmt *S) {
      const auto *If = dyn_cast<IfStmt>(S);
      if (Found.Guard || !If || !mentions(If->getCond(), Field))
        return;
      if (holds(If->getThen(), Found.Join) ||
          (onlyReturns(If->getThen()) &&
           SM.isBeforeInTranslationUnit(If->getEndLoc(),
                                        Found.Join->getBeginLoc())))
        Found.Guard = If;
    });
    if (Found.Guard)
      return Found;
  }
  return std::nullopt;
}

} // namespace

DetachedThreadCheck::DetachedThreadCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0),
      ThreadJoinFunctions(Options.get("ThreadJoinFunctions", "")) {
  for (StringRef Item : utils::options::parseStringList(ThreadJoinFunctions)) {
    auto [Create, Join] = Item.split('=');
    Create = Create.trim();
    Join = Join.trim();
    if (Create.empty() || Join.empty()) {
      configurationDiag("ThreadJoinFunctions: '%0' is not 'create=join'")
          << Item;
      continue;
    }
    Pairs.push_back({model::NameList(Create), model::NameList(Join)});
    CreateNames.push_back(Create.str());
  }
}

void DetachedThreadCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "ThreadJoinFunctions", ThreadJoinFunctions);
}

void DetachedThreadCheck::registerCheckMatchers(MatchFinder *Finder) {
  model::addRoleMatcher<CallExpr>(
      Finder, {model::calleeRole("detach", isThreadDetach)}, this);
  if (!CreateNames.empty())
    Finder->addMatcher(
        callExpr(callee(functionDecl(hasAnyName(std::vector<StringRef>(
                     CreateNames.begin(), CreateNames.end())))))
            .bind("create"),
        this);
}

void DetachedThreadCheck::check(const MatchFinder::MatchResult &Result) {
  // In instantiations too: in a template's pattern a thread made from a
  // dependent callable is not resolved yet. Each location is reported once.
  std::optional<MatchScope> Scope = scopeOf(Result, /*InInstantiations=*/true);
  if (!Scope || !Scope->Fn || !Scope->Fn->hasBody())
    return;
  if (const auto *Create = Result.Nodes.getNodeAs<CallExpr>("create")) {
    checkClearedHandle(Create, Scope->Fn, *Result.Context);
    return;
  }
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

//===----------------------------------------------------------------------===//
// A handle the thread clears: its owner skips the join.
//===----------------------------------------------------------------------===//

void DetachedThreadCheck::checkClearedHandle(const CallExpr *Create,
                                             const FunctionDecl *Spawner,
                                             ASTContext &Ctx) {
  const FunctionDecl *Callee = Create->getDirectCallee();
  const auto *Pair = llvm::find_if(
      Pairs, [&](const CreateJoin &P) { return P.Create.contains(Callee); });
  const FieldDecl *Field = handleMember(Create, Spawner);
  if (Pair == Pairs.end() || !Field || Create->containsErrors())
    return;
  const FunctionDecl *Task = nullptr;
  for (const Expr *Arg : Create->arguments())
    if (!Task)
      Task =
          analysis::definitionAsWritten(model::ApiModel::getTaskFunction(Arg));
  model::CallSummaries &Graph = summaries(Ctx);
  const analysis::FunctionSummary *Summary =
      Task ? Graph.summaryOf(Task) : nullptr;
  if (!Summary || Summary->has(model::HasErrors) || !Summary->writes(Field))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<ClearSite> Clear = clearOf(Task, Field, Graph, Ctx);
  std::optional<GuardedJoin> Join = guardedJoinOf(Field, Pair->Join, SM);
  if (!Clear || !Join || !claim(Clear->Write->getBeginLoc(), SM))
    return;
  diag(Clear->Write->getBeginLoc(),
       "the thread clears %0, the handle its owner joins it through: %1 then "
       "skips the join and the thread is never joined")
      << Field << Join->Owner;
  noteCallPath(Clear->Via, "thread");
  diag(Join->Guard->getBeginLoc(), "%0 joins only when %1 is set",
       DiagnosticIDs::Note)
      << Join->Owner << Field;
  diag(Join->Join->getBeginLoc(), "the join", DiagnosticIDs::Note);
  diag(Create->getBeginLoc(), "thread started here; its handle is kept in %0",
       DiagnosticIDs::Note)
      << Field;
}

} // namespace clang::tidy::tether
