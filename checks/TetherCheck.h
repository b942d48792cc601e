//===--- TetherCheck.h - tether clang-tidy ----------------------*- C++ -*-===//
//
// The base class of the tether checks, as clang-tidy's MakeSmartPtrCheck is
// the base of modernize-make-unique and modernize-make-shared. It owns what
// every check needs and none should write again: the API model read from the
// check's options, the parent index's root matcher (registered by one enabled
// check), the state a check keeps for one translation unit (the locations it
// reported, the path graphs of functions) and its reset at the end of the
// unit, and the prologue of a match (where it lies, and whether to look).
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_TETHERCHECK_H
#define TETHER_CHECKS_TETHERCHECK_H

#include "ClangTidyCheck.h"
#include "analysis/ObligationPaths.h"
#include "model/ApiModel.h"
#include "model/CallSummaries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>

namespace clang::tidy::tether {

/// The names of the module's checks, for the checks that yield a shape to
/// another when both are enabled.
namespace check_names {
constexpr llvm::StringLiteral DroppedCancellation =
    "tether-dropped-cancellation";
constexpr llvm::StringLiteral LoopWithoutExit = "tether-loop-without-exit";
constexpr llvm::StringLiteral LostWakeup = "tether-lost-wakeup";
constexpr llvm::StringLiteral UnstoppedTicker = "tether-unstopped-ticker";
constexpr llvm::StringLiteral UnboundedChannelSend =
    "tether-unbounded-channel-send";
constexpr llvm::StringLiteral StrandedProducer = "tether-stranded-producer";
constexpr llvm::StringLiteral SkippedRelease = "tether-skipped-release";
constexpr llvm::StringLiteral UnreleasedWait = "tether-unreleased-wait";
constexpr llvm::StringLiteral UninterruptibleWait =
    "tether-uninterruptible-wait";
constexpr llvm::StringLiteral UnobservedStop = "tether-unobserved-stop";
constexpr llvm::StringLiteral DetachedThread = "tether-detached-thread";
} // namespace check_names

class TetherCheck : public ClangTidyCheck {
public:
  /// `ModelOptions`: the option groups of the API model the check reads
  /// (model::ChannelOptions, ...).
  TetherCheck(StringRef Name, ClangTidyContext *Context, unsigned ModelOptions);

  /// Stores the model's options; a check that has options of its own
  /// overrides it and calls it first.
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// Registers the parent index's root matcher when this check owns it,
  /// then the check's own matchers.
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  /// Drops the translation unit's state: the check's reports, path graphs
  /// and call summaries, the parent index and the roles of declarations.
  void onEndOfTranslationUnit() final;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }

protected:
  virtual void registerCheckMatchers(ast_matchers::MatchFinder *Finder) = 0;
  /// Drops what the check itself keeps for one translation unit; called at
  /// its end, before the base drops its own state.
  virtual void forgetUnit() {}

  /// Where a match lies: the statement it bound (null for a declaration
  /// matcher) and the function whose code holds it (null outside functions).
  struct MatchScope {
    const Stmt *Matched = nullptr;
    const FunctionDecl *Fn = nullptr;
  };
  /// The scope of `Result`, or nothing for a match no tether check reports
  /// on: in a system header, in an invalid function, or, unless
  /// `InInstantiations`, in a template instantiation (checked once, in its
  /// pattern).
  std::optional<MatchScope>
  scopeOf(const ast_matchers::MatchFinder::MatchResult &Result,
          bool InInstantiations = false);

  /// True (and remembered) the first time `Loc` is reported: no location
  /// gets two diagnostics from one check, and none is reported in a system
  /// header or a system macro.
  bool claim(SourceLocation Loc, const SourceManager &SM);
  /// True if `Loc` was claimed in this translation unit.
  bool isClaimed(SourceLocation Loc, const SourceManager &SM) const;
  /// True if the check `Name` of this module is enabled too.
  bool isEnabled(llvm::StringRef Name) const;

  /// The path graph of `Fn`, built once per translation unit; null when no
  /// CFG can be built.
  analysis::FunctionPaths *pathsOf(const FunctionDecl *Fn, ASTContext &Ctx);

  /// The call summaries of the translation unit (model/CallSummaries.h),
  /// made on first use with the check's model and dropped at its end.
  model::CallSummaries &summaries(ASTContext &Ctx);

  /// Notes along a path of calls (model/CallSummaries.h), from the innermost
  /// call up to the one in the root function: "'f' is called from the
  /// <Root> here", then "'g' is called from 'f' here".
  void noteCallPath(llvm::ArrayRef<analysis::CallEdge> Via, StringRef Root);

  model::ApiModel Model;

private:
  ClangTidyContext *TidyContext;
  /// This check registers the parent index's root matcher.
  const bool OwnsRootMatcher;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<analysis::FunctionPaths>>
      Paths;
  llvm::DenseSet<unsigned> Reported;
  std::unique_ptr<model::CallSummaries> Summaries;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_TETHERCHECK_H
