//===--- UninterruptibleWaitCheck.h - tether clang-tidy ---------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_UNINTERRUPTIBLEWAITCHECK_H
#define TETHER_CHECKS_UNINTERRUPTIBLEWAITCHECK_H

#include "TetherCheck.h"
#include <memory>

namespace clang::tidy::tether {

/// Finds a worker that checks a stop signal between iterations but blocks,
/// in between, in a call the stop request cannot interrupt: a
/// `std::stop_token` worker in a semaphore's `acquire`, a condition
/// variable's untimed `wait`, `future::get`, `latch::wait` or a long
/// `sleep_for`, with nothing on the stop path that releases it; or a thread
/// blocked in `accept`/`read`/`recv` on a descriptor that the stop path only
/// `close()`s, which on Linux does not wake it.
///
/// For the user-facing documentation see:
/// docs/checks/tether-uninterruptible-wait.md
class UninterruptibleWaitCheck : public TetherCheck {
public:
  UninterruptibleWaitCheck(StringRef Name, ClangTidyContext *Context);
  ~UninterruptibleWaitCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }

  /// What one translation unit's functions do to descriptors, stop tokens
  /// and synchronisation objects.
  class UnitIndex;

private:
  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  void forgetUnit() override;
  UnitIndex &index(ASTContext &Ctx);

  /// Shape 1: a stop-token worker blocked in a call the token cannot reach.
  void checkTokenWorker(const CallExpr *Block, const FunctionDecl *Fn,
                        ASTContext &Ctx);
  /// Shape 2: a thread blocked on a descriptor the stop path only closes.
  void checkDescriptorWorker(const CallExpr *Block, const FunctionDecl *Fn,
                             ASTContext &Ctx);

  /// Project blocking calls (a queue's blocking pop) that a stop request
  /// cannot interrupt; released by any call on the same object.
  const model::NameList BlockingCalls;
  std::unique_ptr<UnitIndex> Index;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_UNINTERRUPTIBLEWAITCHECK_H
