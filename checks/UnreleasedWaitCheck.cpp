//===--- UnreleasedWaitCheck.cpp - tether clang-tidy ----------------------===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
// For each wait without a deadline on a flag or counter (model/WaitedState.h)
// the functions of the unit that release it (a write of the value that ends
// the wait, in the function itself, in a scope guard's lambda, or through a
// call of a function that writes it) are asked whether every path reaches
// the release (WaitedStates::strandingExit): from the entry, or from the set
// when the function sets the state too. One releaser whose every path
// releases, and that a user can call (not a private helper that only the
// other releasers call), is a way out: the wait is then not reported.
// Otherwise the wait is reported with the exit that strands it.
//
//===----------------------------------------------------------------------===//

#include "UnreleasedWaitCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/MapVector.h"

using namespace clang::ast_matchers;

namespace clang::tidy::tether {

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

const FunctionDecl *canonical(const FunctionDecl *Fn) {
  return Fn ? Fn->getCanonicalDecl() : nullptr;
}

/// True if code outside the class can call `Fn`.
bool isCallableByUsers(const FunctionDecl *Fn) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
  return !Method || Method->getAccess() == AS_public ||
         Method->getAccess() == AS_none;
}

/// A releaser of a wait's state: its releases, and its sets of it.
struct Releaser {
  llvm::SmallVector<const StateWrite *, 2> Releases;
  const StateWrite *FirstSet = nullptr;
};

} // namespace

UnreleasedWaitCheck::UnreleasedWaitCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : TetherCheck(Name, Context, /*ModelOptions=*/0) {}

void UnreleasedWaitCheck::registerCheckMatchers(MatchFinder *Finder) {
  // The whole unit at once: a wait and its releasers lie in different
  // functions, and the index of waits and writes is built once for it.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void UnreleasedWaitCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  WaitedStates &Index = WaitedStates::of(Ctx);
  for (const model::StateWait *Wait : Index.waitsThatCanHang())
    checkWait(*Wait, Index, Ctx);
}

void UnreleasedWaitCheck::checkWait(const model::StateWait &Wait,
                                    WaitedStates &Index, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (isClaimed(Wait.At->getBeginLoc(), SM))
    return;
  llvm::MapVector<const FunctionDecl *, Releaser> Releasers;
  llvm::SmallPtrSet<const FunctionDecl *, 4> Helpers;
  for (const StateWrite &W : Index.writesOf(Wait.State)) {
    if (canonical(W.Fn) == canonical(Wait.Fn))
      continue;
    Releaser &R = Releasers[canonical(W.Fn)];
    if (WaitedStates::sets(W.Value, Wait.Release) && !W.ByGuard && !W.ViaCall &&
        !R.FirstSet)
      R.FirstSet = &W;
    else if (WaitedStates::releases(W.Value, Wait.Release))
      R.Releases.push_back(&W);
    if (W.ViaCall)
      if (const FunctionDecl *Callee = cast<CallExpr>(W.At)->getDirectCallee())
        Helpers.insert(canonical(Callee));
  }
  const bool SetsAreOthers = isEnabled(check_names::SkippedRelease);
  // A state that another function arms (a counter incremented per queued
  // write) is released by a function only on the paths that follow an arm:
  // the paths of a releaser that does not arm it tell nothing.
  const bool ArmedElsewhere = llvm::any_of(Releasers, [](const auto &Entry) {
    return Entry.second.FirstSet != nullptr;
  });
  std::optional<analysis::LeakingExit> Stranding;
  const FunctionDecl *StrandingFn = nullptr;
  const StateWrite *Skipped = nullptr;
  for (auto &[Key, R] : Releasers) {
    if (R.Releases.empty())
      continue;
    // A function that sets the state and releases it is the other check's.
    if (R.FirstSet && SetsAreOthers)
      return;
    if (!R.FirstSet && ArmedElsewhere)
      continue;
    const FunctionDecl *Fn = Key->getDefinition();
    analysis::FunctionPaths *Paths =
        Fn && !Fn->isInvalidDecl() ? pathsOf(Fn, Ctx) : nullptr;
    if (!Paths)
      return; // unknown: precise first
    std::optional<analysis::LeakingExit> Exit = Index.strandingExit(
        *Paths, Fn, R.FirstSet ? R.FirstSet->At : nullptr, R.Releases);
    if (!Exit) {
      if (!Helpers.contains(Key) || isCallableByUsers(Fn))
        return; // a way out
      continue;
    }
    if (!Stranding) {
      Stranding = Exit;
      StrandingFn = Fn;
      Skipped = R.Releases.front();
    }
  }
  if (!Stranding || !claim(Wait.At->getBeginLoc(), SM))
    return;
  diag(Wait.At->getBeginLoc(),
       "%select{wait|polling wait}0 for %1 has no deadline, and %2 can leave "
       "without releasing it")
      << Wait.Polling << Wait.State << describe(StrandingFn);
  diag(Stranding->Loc,
       "%0 leaves here without the release: this %select{return|throw|"
       "co_return|end of the function|call may throw and}1 strands the "
       "waiter",
       DiagnosticIDs::Note)
      << describe(StrandingFn) << static_cast<int>(Stranding->Kind);
  diag(Skipped->At->getBeginLoc(),
       "%0 is released only here%select{| by "
       "a scope guard| by this call}1",
       DiagnosticIDs::Note)
      << Wait.State
      << (Skipped->ByGuard   ? 1
          : Skipped->ViaCall ? 2
                             : 0);
}

} // namespace clang::tidy::tether
