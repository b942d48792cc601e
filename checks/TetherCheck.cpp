//===--- TetherCheck.cpp - tether clang-tidy ------------------------------===//

#include "TetherCheck.h"
#include "ClangTidyDiagnosticConsumer.h"
#include "analysis/ParentIndex.h"
#include "model/Annotations.h"
#include "model/ConditionWaits.h"
#include "model/WaitedState.h"

namespace clang::tidy::tether {

using analysis::ParentIndex;

namespace {

/// True if the check `Name` registers the parent index's root matcher for
/// the translation unit `Context` is on: the first enabled check of a fixed
/// order, so that the finder runs the root matcher once per declaration
/// rather than once per check. The checks of standard C++ run from C++11,
/// tether's API checks from C++17: the C++11 ones come first, so the owner
/// runs whenever any check does.
bool ownsRootMatcher(const ClangTidyContext &Context, StringRef Name) {
  static constexpr llvm::StringLiteral Order[] = {
      check_names::LoopWithoutExit,     check_names::LostWakeup,
      check_names::StrandedProducer,    check_names::UninterruptibleWait,
      check_names::UnobservedStop,      check_names::DetachedThread,
      check_names::DroppedCancellation, check_names::UnstoppedTicker,
      check_names::UnboundedChannelSend};
  for (StringRef Check : Order)
    if (Context.isCheckEnabled(Check))
      return Check == Name;
  return false;
}

} // namespace

TetherCheck::TetherCheck(StringRef Name, ClangTidyContext *Context,
                         unsigned ModelOptions)
    : ClangTidyCheck(Name, Context), Model(Options, ModelOptions),
      TidyContext(Context), OwnsRootMatcher(ownsRootMatcher(*Context, Name)) {}

void TetherCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Model.storeOptions(Options, Opts);
}

void TetherCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  // The function a match lies in, and whether it is an instantiation, come
  // from the parent index: see ParentIndex.h.
  if (OwnsRootMatcher)
    ParentIndex::registerRootMatcher(Finder, this);
  registerCheckMatchers(Finder);
}

void TetherCheck::onEndOfTranslationUnit() {
  // Before the translation unit's AST goes away.
  forgetUnit();
  ParentIndex::forget();
  model::forgetRoles();
  model::WaitedStates::forget();
  model::ConditionWaitIndex::forget();
  Paths.clear();
  Reported.clear();
  Summaries.reset();
}

std::optional<TetherCheck::MatchScope>
TetherCheck::scopeOf(const ast_matchers::MatchFinder::MatchResult &Result,
                     bool InInstantiations) {
  MatchScope Scope;
  Scope.Matched = ParentIndex::matchedStmt(Result);
  if (!Scope.Matched)
    return Scope;
  ParentIndex &Parents = ParentIndex::of(*Result.Context);
  if (Result.SourceManager->isInSystemHeader(Scope.Matched->getBeginLoc()) ||
      (!InInstantiations && Parents.isInTemplateInstantiation(Scope.Matched)))
    return std::nullopt;
  Scope.Fn = Parents.enclosingFunction(Scope.Matched);
  if (Scope.Fn && Scope.Fn->isInvalidDecl())
    return std::nullopt;
  return Scope;
}

bool TetherCheck::claim(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid() || (Loc.isMacroID() && SM.isInSystemMacro(Loc)) ||
      SM.isInSystemHeader(SM.getFileLoc(Loc)))
    return false;
  return Reported.insert(SM.getFileLoc(Loc).getRawEncoding()).second;
}

bool TetherCheck::isClaimed(SourceLocation Loc, const SourceManager &SM) const {
  return Reported.contains(SM.getFileLoc(Loc).getRawEncoding());
}

bool TetherCheck::isEnabled(StringRef Name) const {
  return TidyContext->isCheckEnabled(Name);
}

analysis::FunctionPaths *TetherCheck::pathsOf(const FunctionDecl *Fn,
                                              ASTContext &Ctx) {
  auto [It, Inserted] = Paths.try_emplace(Fn);
  if (Inserted)
    It->second = analysis::FunctionPaths::build(Fn, Ctx);
  return It->second.get();
}

model::CallSummaries &TetherCheck::summaries(ASTContext &Ctx) {
  if (!Summaries)
    Summaries = std::make_unique<model::CallSummaries>(Model, Ctx);
  return *Summaries;
}

void TetherCheck::noteCallPath(llvm::ArrayRef<analysis::CallEdge> Via,
                               StringRef Root) {
  for (size_t I = Via.size(); I-- > 0;) {
    if (I == 0)
      diag(Via[I].Call->getExprLoc(), "%0 is called from the %1 here",
           DiagnosticIDs::Note)
          << Via[I].Callee << Root;
    else
      diag(Via[I].Call->getExprLoc(), "%0 is called from %1 here",
           DiagnosticIDs::Note)
          << Via[I].Callee << Via[I - 1].Callee;
  }
}

} // namespace clang::tidy::tether
