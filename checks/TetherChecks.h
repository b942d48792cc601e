//===--- TetherChecks.h - tether clang-tidy ---------------------*- C++ -*-===//
//
// The names of the checks this module registers, so that checks that share
// a shape can tell which one owns it (no location gets two diagnostics).
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_TETHERCHECKS_H
#define TETHER_CHECKS_TETHERCHECKS_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy::tether {

/// True if this module registers a check called `Name`.
bool isRegisteredCheck(llvm::StringRef Name);

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_TETHERCHECKS_H
