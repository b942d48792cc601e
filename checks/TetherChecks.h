//===--- TetherChecks.h - tether clang-tidy ---------------------*- C++ -*-===//
//
// What the checks of this module share: the names of the checks, so that
// checks that share a shape can tell which one owns it (no location gets two
// diagnostics), and where they report.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_TETHERCHECKS_H
#define TETHER_CHECKS_TETHERCHECKS_H

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::tether {

/// True if this module registers a check called `Name`.
bool isRegisteredCheck(llvm::StringRef Name);

/// True if `S` is written in a system header. No tether check reports there,
/// so each skips such a match before it analyses anything.
inline bool isInSystemHeader(const Stmt *S, const SourceManager &SM) {
  return SM.isInSystemHeader(S->getBeginLoc());
}

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_TETHERCHECKS_H
