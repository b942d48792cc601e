//===--- UnobservedStopCheck.cpp - tether clang-tidy ----------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// A spawn site in a member function of a class (or a lambda there) starts a
// worker. The class's stop path is a member named stop, shutdown or close
// (any case) or its destructor that, through its calls, writes a member of
// a scalar type (a bool, an atomic, an integer, an enum, a pointer: the stop
// signals) and joins a thread or waits for a future. Every while, do or for
// loop the worker runs, in its body or in a function it calls at any depth,
// is reported when it blocks with no deadline or never ends (an always-true
// condition and no exit), and neither reads a stop signal (in its condition
// or body, directly or through a call) nor gets one as a parameter. Silent
// when the loop may read the signal through code this unit cannot see, uses
// a stop token, context or channel, has compile errors, or is bounded (a
// counted loop, a range-for).
//
// A library's thread class starts and stops its worker in code of its own
// (often in another file): the worker is an override of a member named by
// ThreadEntryFunctions (`RsThread::run`), and its stop signal is the stop
// check StopCheckFunctions names (`RsThread::shouldStop`). Its loops are
// reported by the same rule, observing the signal being a call of the
// check; a scalar member the loop reads that a member of the class off the
// worker writes (a flag of its own stop hook) counts as a signal too.
//
//===----------------------------------------------------------------------===//

#include "UnobservedStopCheck.h"
#include "analysis/CallGraph.h"
#include "analysis/LoopExits.h"
#include "analysis/ParentIndex.h"
#include "analysis/ValueFlow.h"
#include "model/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

struct UnobservedStopCheck::StopPath {
  const FunctionDecl *Fn = nullptr;
  /// The members it sets, and where (in its own code, or the call that
  /// leads to the write).
  llvm::SmallVector<std::pair<const FieldDecl *, const Stmt *>, 2> Signals;
  /// The join or wait for the worker.
  const Stmt *Join = nullptr;
};

namespace {

/// The class whose member `Fn` is, or in a member of which a lambda `Fn` is.
const CXXRecordDecl *ownerClass(const FunctionDecl *Fn) {
  const auto *Method =
      dyn_cast_or_null<CXXMethodDecl>(analysis::outermostFunction(Fn));
  return Method && !Method->getParent()->isLambda() ? Method->getParent()
                                                    : nullptr;
}

bool isStopName(const FunctionDecl *Fn) {
  if (isa<CXXDestructorDecl>(Fn))
    return true;
  if (!Fn->getIdentifier())
    return false;
  std::string Name = Fn->getName().lower();
  return Name == "stop" || Name == "shutdown" || Name == "close";
}

/// A member a worker can poll: a bool, an atomic, an integer or enum (a
/// state, a descriptor), a pointer (a handle).
bool isSignalType(QualType T) {
  T = T.getNonReferenceType();
  return !T.isNull() && !T->isDependentType() &&
         (T->isScalarType() || model::isAtomicType(T));
}

/// The statement of `Fn`'s own code that writes `Field`, or the call that
/// leads to a function that does.
const Stmt *writeOf(const FieldDecl *Field, const FunctionDecl *Fn,
                    model::CallSummaries &Graph) {
  const Stmt *Found = nullptr;
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *S) {
    if (Found)
      return;
    const Expr *Target = nullptr;
    if (const auto *Op = dyn_cast<BinaryOperator>(S);
        Op && Op->isAssignmentOp())
      Target = Op->getLHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->isAssignmentOp() && Op->getNumArgs() == 2)
      Target = Op->getArg(0);
    else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
             Call && Call->getMethodDecl() && !Call->getMethodDecl()->isConst())
      Target = Call->getImplicitObjectArgument();
    else if (const auto *Op = dyn_cast<UnaryOperator>(S);
             Op && Op->isIncrementDecrementOp())
      Target = Op->getSubExpr();
    if (Target && analysis::storageOf(Target) == Field)
      Found = S;
  });
  if (Found)
    return Found;
  if (const analysis::FunctionSummary *S = Graph.summaryOf(Fn))
    for (const analysis::CallEdge &Edge : S->Calls)
      if (const analysis::FunctionSummary *Callee =
              Graph.summaryOf(Edge.Callee);
          !Found && !Edge.InLambda && Callee && Callee->writes(Field))
        Found = Edge.Call;
  return Found;
}

/// The stop paths of `Class`: its stop members and destructor that set a
/// signal and then join.
llvm::SmallVector<UnobservedStopCheck::StopPath, 1>
stopPathsOf(const CXXRecordDecl *Class, model::CallSummaries &Graph) {
  llvm::SmallVector<UnobservedStopCheck::StopPath, 1> Paths;
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Def = analysis::definitionAsWritten(Method);
    if (!Def || !isStopName(Def))
      continue;
    const analysis::FunctionSummary *S = Graph.summaryOf(Def);
    if (!S || !S->has(model::JoinsThread) || S->has(model::HasErrors))
      continue;
    UnobservedStopCheck::StopPath Path;
    Path.Fn = Def;
    Path.Join = S->Via[model::JoinsThread] ? S->Via[model::JoinsThread]
                                           : S->Witness[model::JoinsThread];
    for (const FieldDecl *Field : Class->fields())
      if (isSignalType(Field->getType()) && S->writes(Field))
        if (const Stmt *Write = writeOf(Field, Def, Graph))
          Path.Signals.push_back({Field, Write});
    if (!Path.Signals.empty())
      Paths.push_back(std::move(Path));
  }
  return Paths;
}

/// True if `Loop` reads a parameter of `Fn` that refers to a value of a
/// signal's type (`const std::atomic<int> &sock`): the signal passed down.
bool readsSignalParameter(const Stmt *Loop, const FunctionDecl *Fn,
                          const UnobservedStopCheck::StopPath &Stop) {
  bool Found = false;
  analysis::forEachStmt(Loop, [&](const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (Found || !Param)
      return;
    QualType T = Param->getType();
    if (!T->isReferenceType() && !T->isPointerType())
      return;
    QualType Pointee = T->getPointeeType().getUnqualifiedType();
    for (const auto &[Field, Write] : Stop.Signals)
      Found |= Field->getType()
                   .getNonReferenceType()
                   .getUnqualifiedType()
                   .getCanonicalType() == Pointee.getCanonicalType();
  });
  return Found;
}

/// The facts of a loop that can run unboundedly and that blocks or never
/// ends without using a stop signal of the API; nothing for any other loop.
struct SuspectLoop {
  analysis::Facts Facts;
  bool Blocks = false;
};
std::optional<SuspectLoop>
suspectLoop(const Stmt *Loop, model::CallSummaries &Graph, ASTContext &Ctx) {
  if (!isa<WhileStmt, DoStmt, ForStmt>(Loop) ||
      analysis::tripCount(Loop, Ctx) != analysis::UnboundedCount)
    return std::nullopt;
  SuspectLoop Suspect{Graph.facts(Loop), false};
  Suspect.Blocks = Suspect.Facts.has(model::Blocks);
  bool Forever =
      analysis::isConstantTrueCondition(analysis::getLoopCondition(Loop),
                                        Ctx) &&
      !analysis::findLoopExit(Loop) && !Suspect.Facts.has(analysis::MayLeave);
  if ((!Suspect.Blocks && !Forever) ||
      Suspect.Facts.has(model::UsesStopSignal) ||
      Suspect.Facts.has(model::HasErrors))
    return std::nullopt;
  return Suspect;
}

/// True if `Class` is `Base` or derives from it.
bool isOrDerives(const CXXRecordDecl *Class, const CXXRecordDecl *Base) {
  if (!Class || !Base)
    return false;
  if (Class->getCanonicalDecl() == Base->getCanonicalDecl())
    return true;
  return Class->hasDefinition() && Class->isDerivedFrom(Base);
}

/// True if code with `Facts` may call the stop check of `ThreadClass`
/// where this unit cannot see it: through a pointer, a `std::function` or
/// a virtual member, or in a member of the thread class (or of a class
/// derived from it) without a body here.
bool mayCallStopCheck(const analysis::Facts &Facts,
                      const CXXRecordDecl *ThreadClass) {
  return Facts.CallsIndirect ||
         llvm::any_of(Facts.Opaque, [&](const FunctionDecl *Fn) {
           const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
           return Method && isOrDerives(Method->getParent(), ThreadClass);
         });
}

} // namespace

UnobservedStopCheck::UnobservedStopCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : TetherCheck(Name, Context,
                  model::ChannelOptions | model::SpawnOptions |
                      model::ContextOptions),
      ThreadEntryFunctionsRaw(Options.get("ThreadEntryFunctions", "")),
      ThreadEntryFunctions(ThreadEntryFunctionsRaw) {}

void UnobservedStopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TetherCheck::storeOptions(Opts);
  Options.store(Opts, "ThreadEntryFunctions", ThreadEntryFunctionsRaw);
}

void UnobservedStopCheck::registerCheckMatchers(MatchFinder *Finder) {
  model::addRoleMatcher<CallExpr>(Finder, {model::spawnRole<CallExpr>(Model)},
                                  this);
  model::addRoleMatcher<CXXConstructExpr>(
      Finder, {model::spawnRole<CXXConstructExpr>(Model)}, this);
  if (!ThreadEntryFunctions.empty())
    Finder->addMatcher(
        cxxMethodDecl(isDefinition(), isOverride(), unless(isImplicit()))
            .bind("entry"),
        this);
}

void UnobservedStopCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Entry = Result.Nodes.getNodeAs<CXXMethodDecl>("entry")) {
    if (!Entry->isInvalidDecl() &&
        !Result.SourceManager->isInSystemHeader(Entry->getLocation()))
      checkThreadClassWorker(Entry, *Result.Context);
    return;
  }
  // Instantiations too: the worker is then checked in its pattern, once.
  std::optional<MatchScope> Scope = scopeOf(Result, /*InInstantiations=*/true);
  const auto *SiteExpr = Result.Nodes.getNodeAs<Expr>("spawn");
  if (!Scope || !SiteExpr || !Scope->Fn)
    return;
  std::optional<model::SpawnSite> Site = Model.getSpawnSite(SiteExpr);
  if (!Site)
    return;
  const FunctionDecl *Body = analysis::definitionAsWritten(
      model::ApiModel::getTaskFunction(Site->Body));
  const CXXRecordDecl *Class =
      ownerClass(analysis::definitionAsWritten(Scope->Fn));
  if (!Body || Body->isInvalidDecl() || !Class || model::isInStd(Body))
    return;
  if (const CXXRecordDecl *Pattern =
          isa<ClassTemplateSpecializationDecl>(Class)
              ? cast<ClassTemplateSpecializationDecl>(Class)
                    ->getSpecializedTemplate()
                    ->getTemplatedDecl()
              : nullptr)
    Class = Pattern;
  ASTContext &Ctx = *Result.Context;
  model::CallSummaries &Graph = summaries(Ctx);
  for (const StopPath &Stop : stopPathsOf(Class, Graph)) {
    checkLoops(Stop, *Site, Body, {}, Ctx);
    // The functions the worker calls, at any depth, that have loops.
    Graph.forEachCalleeWith(
        analysis::AnyLoop, Body, /*Skip=*/Stop.Fn,
        [&](const FunctionDecl *Fn, llvm::ArrayRef<analysis::CallEdge> Via) {
          checkLoops(Stop, *Site, Fn, Via, Ctx);
          return true;
        });
  }
}

void UnobservedStopCheck::checkLoops(const StopPath &Stop,
                                     const model::SpawnSite &Site,
                                     const FunctionDecl *Fn,
                                     llvm::ArrayRef<analysis::CallEdge> Via,
                                     ASTContext &Ctx) {
  model::CallSummaries &Graph = summaries(Ctx);
  analysis::forEachOwnStmt(Fn->getBody(), [&](const Stmt *Loop) {
    std::optional<SuspectLoop> Suspect = suspectLoop(Loop, Graph, Ctx);
    if (!Suspect || readsSignalParameter(Loop, Fn, Stop))
      return;
    for (const auto &[Field, Write] : Stop.Signals)
      if (model::mayObserve(Suspect->Facts, Field))
        return;
    report(Stop, Site, Loop, Suspect->Blocks, Via, Ctx);
  });
}

void UnobservedStopCheck::report(const StopPath &Stop,
                                 const model::SpawnSite &Site, const Stmt *Loop,
                                 bool Blocks,
                                 llvm::ArrayRef<analysis::CallEdge> Via,
                                 ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = Loop->getBeginLoc();
  if (!claim(Loc, SM))
    return;
  const auto &[Field, Write] = Stop.Signals.front();
  diag(Loc, "loop on a worker %select{never ends|blocks}0 without observing "
            "%1, the stop signal that %2 sets before it waits for the "
            "worker: the wait can hang")
      << Blocks << Field << Stop.Fn;
  diag(Write->getBeginLoc(), "%0 is set here", DiagnosticIDs::Note) << Field;
  diag(Stop.Join->getBeginLoc(), "%0 then waits for the worker here",
       DiagnosticIDs::Note)
      << Stop.Fn;
  noteCallPath(Via, "worker");
  diag(Site.Site->getExprLoc(), "worker started here", DiagnosticIDs::Note);
}

const CXXMethodDecl *
UnobservedStopCheck::configuredEntryOf(const CXXMethodDecl *Method) const {
  for (const CXXMethodDecl *Overridden : Method->overridden_methods()) {
    if (ThreadEntryFunctions.contains(Overridden))
      return Overridden;
    if (const CXXMethodDecl *Entry = configuredEntryOf(Overridden))
      return Entry;
  }
  return nullptr;
}

const CXXMethodDecl *
UnobservedStopCheck::stopCheckOf(const CXXRecordDecl *Class) const {
  Class = Class ? Class->getDefinition() : nullptr;
  if (!Class)
    return nullptr;
  for (const CXXMethodDecl *Method : Class->methods())
    if (Model.isStopCheck(Method))
      return Method;
  for (const CXXBaseSpecifier &Base : Class->bases())
    if (const CXXMethodDecl *Check =
            stopCheckOf(Base.getType()->getAsCXXRecordDecl()))
      return Check;
  return nullptr;
}

void UnobservedStopCheck::checkThreadClassWorker(const CXXMethodDecl *Entry,
                                                 ASTContext &Ctx) {
  const CXXMethodDecl *Configured = configuredEntryOf(Entry);
  const CXXRecordDecl *ThreadClass =
      Configured ? Configured->getParent() : nullptr;
  const CXXMethodDecl *StopCheck = stopCheckOf(ThreadClass);
  if (!StopCheck || !Entry->doesThisDeclarationHaveABody())
    return;
  model::CallSummaries &Graph = summaries(Ctx);
  const analysis::FunctionSummary *Summary = Graph.summaryOf(Entry);
  if (!Summary || Summary->has(model::HasErrors))
    return;
  using CallPath = llvm::SmallVector<analysis::CallEdge, 2>;
  llvm::SmallVector<std::pair<const FunctionDecl *, CallPath>, 4> Looping{
      {Entry, {}}};
  Graph.forEachCalleeWith(
      analysis::AnyLoop, Entry, /*Skip=*/nullptr,
      [&](const FunctionDecl *Fn, llvm::ArrayRef<analysis::CallEdge> Via) {
        Looping.push_back({Fn, CallPath(Via)});
        return true;
      });
  // The functions the worker runs: those with loops and what they call.
  llvm::SmallPtrSet<const Decl *, 16> Worker;
  for (const auto &[Fn, Via] : Looping) {
    Worker.insert(Fn->getCanonicalDecl());
    if (const analysis::FunctionSummary *Summary = Graph.summaryOf(Fn))
      for (const analysis::CallEdge &Edge : Summary->Calls)
        if (!Edge.InLambda)
          Worker.insert(Edge.Callee->getCanonicalDecl());
  }
  // The scalar members that a member off the worker writes (its own stop
  // hook, a setter another thread calls): the loop may poll one as its stop
  // signal. Not the constructors, which run before the thread starts.
  const CXXRecordDecl *Class = Entry->getParent();
  llvm::SmallVector<const FieldDecl *, 4> WrittenOffWorker;
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Def = analysis::definitionAsWritten(Method);
    const analysis::FunctionSummary *Writer =
        Def && !isa<CXXConstructorDecl>(Def) &&
                !Worker.contains(Def->getCanonicalDecl())
            ? Graph.summaryOf(Def)
            : nullptr;
    for (const FieldDecl *Field : Class->fields())
      if (Writer && isSignalType(Field->getType()) && Writer->writes(Field))
        WrittenOffWorker.push_back(Field);
  }
  for (const auto &Item : Looping)
    analysis::forEachOwnStmt(Item.first->getBody(), [&](const Stmt *Loop) {
      std::optional<SuspectLoop> Suspect = suspectLoop(Loop, Graph, Ctx);
      if (!Suspect || mayCallStopCheck(Suspect->Facts, ThreadClass) ||
          llvm::any_of(WrittenOffWorker, [&](const FieldDecl *Field) {
            return model::mayObserve(Suspect->Facts, Field);
          }))
        return;
      const SourceManager &SM = Ctx.getSourceManager();
      if (!claim(Loop->getBeginLoc(), SM))
        return;
      diag(Loop->getBeginLoc(),
           "loop on a worker of %0 %select{never ends|blocks}1 without "
           "calling %2, the stop check of its thread class: stopping the "
           "thread waits for the worker and can hang")
          << ThreadClass << Suspect->Blocks << StopCheck;
      diag(Entry->getLocation(), "%0 runs on the thread that %1 starts",
           DiagnosticIDs::Note)
          << Entry << ThreadClass;
      noteCallPath(Item.second, "worker");
    });
}

} // namespace clang::tidy::tether
