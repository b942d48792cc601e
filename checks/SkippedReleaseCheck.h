//===--- SkippedReleaseCheck.h - tether clang-tidy --------------*- C++ -*-===//

#ifndef TETHER_CHECKS_SKIPPEDRELEASECHECK_H
#define TETHER_CHECKS_SKIPPEDRELEASECHECK_H

#include "TetherCheck.h"
#include "model/WaitedState.h"

namespace clang::tidy::tether {

/// Finds state another thread waits for (a flag or counter read by a
/// polling loop, by the loop around an untimed condition wait or by a wait's
/// predicate) that a function sets and releases on its normal path, while an
/// early return or an exception leaves it set.
class SkippedReleaseCheck : public TetherCheck {
public:
  SkippedReleaseCheck(StringRef Name, ClangTidyContext *Context);
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;

  /// Shape 1: a function sets a waited-for state and releases it, and some
  /// path from the set leaves without the release.
  void checkSetAndRelease(const model::StateWait &Wait,
                          model::WaitedStates &Index, ASTContext &Ctx);
  /// Shape 2: a function sets a state, starts a thread whose body releases
  /// it on some paths only.
  void checkThreadHandshake(const model::ThreadStart &Start,
                            model::WaitedStates &Index, ASTContext &Ctx);
  void report(const analysis::LeakingExit &Exit, const ValueDecl *State,
              const FunctionDecl *Fn, const model::StateWrite &Release,
              ASTContext &Ctx);
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_SKIPPEDRELEASECHECK_H
