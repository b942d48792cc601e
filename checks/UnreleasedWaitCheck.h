//===--- UnreleasedWaitCheck.h - tether clang-tidy --------------*- C++ -*-===//

#ifndef TETHER_CHECKS_UNRELEASEDWAITCHECK_H
#define TETHER_CHECKS_UNRELEASEDWAITCHECK_H

#include "TetherCheck.h"
#include "model/WaitedState.h"

namespace clang::tidy::tether {

/// Finds a wait without a deadline (a polling or spin loop on a flag, an
/// untimed condition wait) for state that every function releasing it can
/// leave without the release: the waiter has no way out.
class UnreleasedWaitCheck : public TetherCheck {
public:
  UnreleasedWaitCheck(StringRef Name, ClangTidyContext *Context);
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkWait(const model::StateWait &Wait, model::WaitedStates &Index,
                 ASTContext &Ctx);
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_UNRELEASEDWAITCHECK_H
