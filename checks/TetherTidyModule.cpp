//===--- TetherTidyModule.cpp - tether clang-tidy -------------------------===//
//
// The tether module: one line per check, and what the checks share
// (TetherChecks.h).
//
//===----------------------------------------------------------------------===//

#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"
#include "DroppedCancellationCheck.h"
#include "LoopWithoutExitCheck.h"
#include "TetherChecks.h"
#include "UnboundedChannelSendCheck.h"
#include "UnstoppedTickerCheck.h"
#include "analysis/ParentIndex.h"
#include "model/Annotations.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::tether {

namespace {
constexpr llvm::StringLiteral DroppedCancellation =
    "tether-dropped-cancellation";
constexpr llvm::StringLiteral LoopWithoutExit = "tether-loop-without-exit";
constexpr llvm::StringLiteral UnstoppedTicker = "tether-unstopped-ticker";
constexpr llvm::StringLiteral UnboundedChannelSend =
    "tether-unbounded-channel-send";
constexpr llvm::StringLiteral Checks[] = {DroppedCancellation, LoopWithoutExit,
                                          UnstoppedTicker,
                                          UnboundedChannelSend};
} // namespace

bool isRegisteredCheck(llvm::StringRef Name) {
  return llvm::is_contained(Checks, Name);
}

bool ownsParentIndexRoots(const ClangTidyContext &Context,
                          llvm::StringRef Name) {
  // The owner is the first enabled check of this order. Loop-without-exit
  // runs from C++11, the others from C++17, so the owner runs whenever any
  // of them does.
  static constexpr llvm::StringLiteral Order[] = {
      LoopWithoutExit, DroppedCancellation, UnstoppedTicker,
      UnboundedChannelSend};
  for (llvm::StringRef Check : Order)
    if (Context.isCheckEnabled(Check))
      return Check == Name;
  return false;
}

void forgetTranslationUnit() {
  analysis::ParentIndex::forget();
  model::forgetRoles();
}

class TetherModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<DroppedCancellationCheck>(DroppedCancellation);
    CheckFactories.registerCheck<LoopWithoutExitCheck>(LoopWithoutExit);
    CheckFactories.registerCheck<UnstoppedTickerCheck>(UnstoppedTicker);
    CheckFactories.registerCheck<UnboundedChannelSendCheck>(
        UnboundedChannelSend);
  }
};

// Register the module with clang-tidy's registry (exported by the
// clang-tidy binary that loads this module).
static ClangTidyModuleRegistry::Add<TetherModule>
    X("tether-module", "Checks for goroutine-style leaks: tasks, channels, "
                       "tickers and cancellation.");

} // namespace clang::tidy::tether
