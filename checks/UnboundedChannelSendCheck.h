//===--- UnboundedChannelSendCheck.h - tether clang-tidy --------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_UNBOUNDEDCHANNELSENDCHECK_H
#define TETHER_CHECKS_UNBOUNDEDCHANNELSENDCHECK_H

#include "ClangTidyCheck.h"
#include "analysis/ObligationPaths.h"
#include "model/ApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::tether {

/// Finds a blocking channel send in a spawned task that can never be
/// matched because every party that would receive can stop receiving first
/// (an early return, a select that times out, more senders than receives, a
/// second send on one path, no receiver at all), and a task that ranges over
/// a channel its producers do not close on every path.
///
/// For the user-facing documentation see:
/// docs/checks/tether-unbounded-channel-send.md
class UnboundedChannelSendCheck : public ClangTidyCheck {
public:
  UnboundedChannelSendCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus17;
  }

  struct Channel;

private:
  void checkChannel(const VarDecl *Var, const Expr *Init,
                    const FunctionDecl *Owner, ASTContext &Ctx);
  void checkSends(Channel &Ch, ASTContext &Ctx);
  void checkRanges(Channel &Ch, ASTContext &Ctx);
  bool claim(SourceLocation Loc, const SourceManager &SM);
  analysis::FunctionPaths *pathsOf(const FunctionDecl *Fn, ASTContext &Ctx);

  model::ApiModel Model;
  /// This check registers the parent index's root matcher (see
  /// ownsParentIndexRoots).
  const bool RegistersRoots;
  /// Offer the fix-it that buffers the channel (GFix's rules).
  const bool SuggestBuffering;

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<analysis::FunctionPaths>>
      Paths;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_UNBOUNDEDCHANNELSENDCHECK_H
