//===--- TetherTidyModule.cpp - tether clang-tidy -------------------------===//
//
// The tether module: one line per check. What the checks share is their base
// class (TetherCheck.h).
//
//===----------------------------------------------------------------------===//

#include "ClangTidyModule.h"
#include "clang/Basic/Version.h"
// LLVM 22 moved the registry into ClangTidyModule.h and deprecated this one.
#if CLANG_VERSION_MAJOR < 22
#include "ClangTidyModuleRegistry.h"
#endif
#include "DetachedThreadCheck.h"
#include "DroppedCancellationCheck.h"
#include "LoopWithoutExitCheck.h"
#include "LostWakeupCheck.h"
#include "SkippedReleaseCheck.h"
#include "StrandedProducerCheck.h"
#include "UnboundedChannelSendCheck.h"
#include "UninterruptibleWaitCheck.h"
#include "UnobservedStopCheck.h"
#include "UnreleasedWaitCheck.h"
#include "UnstoppedTickerCheck.h"

namespace clang::tidy::tether {

class TetherModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<DroppedCancellationCheck>(
        check_names::DroppedCancellation);
    CheckFactories.registerCheck<LoopWithoutExitCheck>(
        check_names::LoopWithoutExit);
    CheckFactories.registerCheck<LostWakeupCheck>(check_names::LostWakeup);
    CheckFactories.registerCheck<UnstoppedTickerCheck>(
        check_names::UnstoppedTicker);
    CheckFactories.registerCheck<UnboundedChannelSendCheck>(
        check_names::UnboundedChannelSend);
    CheckFactories.registerCheck<StrandedProducerCheck>(
        check_names::StrandedProducer);
    CheckFactories.registerCheck<SkippedReleaseCheck>(
        check_names::SkippedRelease);
    CheckFactories.registerCheck<UnreleasedWaitCheck>(
        check_names::UnreleasedWait);
    CheckFactories.registerCheck<UnobservedStopCheck>(
        check_names::UnobservedStop);
    CheckFactories.registerCheck<UninterruptibleWaitCheck>(
        check_names::UninterruptibleWait);
    CheckFactories.registerCheck<DetachedThreadCheck>(
        check_names::DetachedThread);
  }
};

// Register the module with clang-tidy's registry (exported by the
// clang-tidy binary that loads this module).
static ClangTidyModuleRegistry::Add<TetherModule>
    X("tether-module", "Checks for goroutine-style leaks: tasks, channels, "
                       "tickers and cancellation.");

} // namespace clang::tidy::tether
