//===--- TetherTidyModule.cpp - tether clang-tidy -------------------------===//
//
// The tether module: one line per check.
//
//===----------------------------------------------------------------------===//

#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"
#include "DroppedCancellationCheck.h"

namespace clang::tidy::tether {

class TetherModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<DroppedCancellationCheck>(
        "tether-dropped-cancellation");
  }
};

// Register the module with clang-tidy's registry (exported by the
// clang-tidy binary that loads this module).
static ClangTidyModuleRegistry::Add<TetherModule>
    X("tether-module", "Checks for goroutine-style leaks: tasks, channels, "
                       "tickers and cancellation.");

} // namespace clang::tidy::tether
