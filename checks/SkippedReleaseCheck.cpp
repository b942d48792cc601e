//===--- SkippedReleaseCheck.cpp - tether clang-tidy ----------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// A waited-for state (model/WaitedState.h) is set and released by another
// function than the waiter: `looping_ = true; ...; looping_ = false;` while a
// destructor spins `while (looping_) sleep(...)`. From the set, the function's
// paths are searched for an exit that no release precedes
// (WaitedStates::strandingExit): an early return, a throw, or a call that may
// throw (its body or a callee's throws, or it invokes a std::function) when
// the function can throw and the call is not in a try block. A release in a
// scope guard's lambda counts where the guard is declared. Without a waiter
// in the unit, a thread start is the evidence: the spawner sets the state,
// the thread's body releases it on some paths only.
//
//===----------------------------------------------------------------------===//

#include "SkippedReleaseCheck.h"
#include "analysis/ValueFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

using model::StateValue;
using model::StateWrite;
using model::WaitedStates;

namespace {

/// How a diagnostic names a function: 'run', or "the lambda".
std::string describe(const FunctionDecl *Fn) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
  if (Method && Method->getParent()->isLambda())
    return "the lambda";
  return "'" + Fn->getNameAsString() + "'";
}

const FunctionDecl *definitionOf(const FunctionDecl *Fn) {
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  return Def && !Def->isInvalidDecl() ? Def : nullptr;
}

bool sameFunction(const FunctionDecl *A, const FunctionDecl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

/// The number of times `S` names `State`, nested lambdas aside.
unsigned mentions(const Stmt *S, const ValueDecl *State) {
  if (!S || isa<LambdaExpr>(S))
    return 0;
  unsigned Count = 0;
  if (isa<DeclRefExpr, MemberExpr>(S))
    Count = analysis::storageOf(cast<Expr>(S)) == State;
  for (const Stmt *Child : S->children())
    Count += mentions(Child, State);
  return Count;
}

} // namespace

SkippedReleaseCheck::SkippedReleaseCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0) {}

void SkippedReleaseCheck::registerCheckMatchers(MatchFinder *Finder) {
  // The whole unit at once: a release and its waiter lie in different
  // functions, and the index of waits and writes is built once for it.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void SkippedReleaseCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  WaitedStates &Index = WaitedStates::of(Ctx);
  for (const model::StateWait *Wait : Index.waitsThatCanHang())
    checkSetAndRelease(*Wait, Index, Ctx);
  for (const model::ThreadStart &Start : Index.threadStarts())
    checkThreadHandshake(Start, Index, Ctx);
}

void SkippedReleaseCheck::checkSetAndRelease(const model::StateWait &Wait,
                                             WaitedStates &Index,
                                             ASTContext &Ctx) {
  llvm::ArrayRef<StateWrite> Writes = Index.writesOf(Wait.State);
  for (const StateWrite &Set : Writes) {
    if (Set.ByGuard || Set.ViaCall || sameFunction(Set.Fn, Wait.Fn) ||
        !WaitedStates::sets(Set.Value, Wait.Release))
      continue;
    const FunctionDecl *Fn = definitionOf(Set.Fn);
    analysis::FunctionPaths *Paths = Fn ? pathsOf(Fn, Ctx) : nullptr;
    if (!Paths)
      continue;
    llvm::SmallVector<const StateWrite *, 4> Releases;
    for (const StateWrite &W : Writes)
      if (sameFunction(W.Fn, Fn) &&
          WaitedStates::releases(W.Value, Wait.Release) &&
          Paths->reaches(Set.At, W.Point))
        Releases.push_back(&W);
    // Released on the normal path, that is: somewhere after the set.
    if (Releases.empty())
      continue;
    if (std::optional<analysis::LeakingExit> Exit =
            Index.strandingExit(*Paths, Fn, Set.At, Releases)) {
      if (!claim(Exit->Loc, Ctx.getSourceManager()))
        continue;
      report(*Exit, Wait.State, Fn, *Releases.front(), Ctx);
      diag(Set.At->getBeginLoc(), "%0 is set here", DiagnosticIDs::Note)
          << Wait.State;
      diag(Wait.At->getBeginLoc(), "a thread waits for it here",
           DiagnosticIDs::Note);
    }
  }
}

void SkippedReleaseCheck::checkThreadHandshake(const model::ThreadStart &Start,
                                               WaitedStates &Index,
                                               ASTContext &Ctx) {
  const FunctionDecl *Body = definitionOf(Start.Body);
  const FunctionDecl *Spawner = definitionOf(Start.Spawner);
  analysis::FunctionPaths *Paths = Body ? pathsOf(Body, Ctx) : nullptr;
  if (!Paths || !Spawner || sameFunction(Body, Spawner))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  // The states the spawner sets before the start.
  for (const StateWrite &Set : Index.writesIn(Spawner)) {
    if (Set.Value == StateValue::Unknown || Set.ByGuard || Set.ViaCall ||
        !SM.isBeforeInTranslationUnit(Set.At->getBeginLoc(),
                                      Start.At->getBeginLoc()))
      continue;
    llvm::SmallVector<const StateWrite *, 4> Releases;
    bool Other = false;
    for (const StateWrite &W : Index.writesOf(Set.State)) {
      if (!sameFunction(W.Fn, Body))
        continue;
      if (W.Value == Set.Value || W.Value == StateValue::Unknown)
        Other = true;
      else
        Releases.push_back(&W);
    }
    // The body only releases it, and reads it nowhere (a body that loops on
    // the state leaves its loop when another thread released it).
    unsigned Direct = llvm::count_if(
        Releases, [](const StateWrite *W) { return !W->ViaCall; });
    if (Releases.empty() || Other ||
        mentions(Body->getBody(), Set.State) != Direct)
      continue;
    if (std::optional<analysis::LeakingExit> Exit =
            Index.strandingExit(*Paths, Body, nullptr, Releases)) {
      if (!claim(Exit->Loc, SM))
        continue;
      report(*Exit, Set.State, Body, *Releases.front(), Ctx);
      diag(Set.At->getBeginLoc(), "%0 is set here before the thread starts",
           DiagnosticIDs::Note)
          << Set.State;
      diag(Start.At->getBeginLoc(), "the thread running %0 starts here",
           DiagnosticIDs::Note)
          << describe(Body);
    }
  }
}

void SkippedReleaseCheck::report(const analysis::LeakingExit &Exit,
                                 const ValueDecl *State, const FunctionDecl *Fn,
                                 const StateWrite &Release, ASTContext &Ctx) {
  diag(Exit.Loc,
       "%select{return|throw|co_return|end of the function|exception from "
       "this call}0 skips the release of %1 that %2 makes on its normal path; "
       "a thread waiting for it hangs")
      << static_cast<int>(Exit.Kind) << State << describe(Fn);
  diag(Release.At->getBeginLoc(),
       "%0 is released here%select{| by a scope guard| by this call}1",
       DiagnosticIDs::Note)
      << State
      << (Release.ByGuard   ? 1
          : Release.ViaCall ? 2
                            : 0);
}

} // namespace clang::tidy::tether
