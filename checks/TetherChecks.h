//===--- TetherChecks.h - tether clang-tidy ---------------------*- C++ -*-===//
//
// What the checks of this module share: the names of the checks, so that
// checks that share a shape can tell which one owns it (no location gets two
// diagnostics) and which one registers the parent index's root matcher, and
// where they report.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_TETHERCHECKS_H
#define TETHER_CHECKS_TETHERCHECKS_H

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy {
class ClangTidyContext;
} // namespace clang::tidy

namespace clang::tidy::tether {

/// True if this module registers a check called `Name`.
bool isRegisteredCheck(llvm::StringRef Name);

/// True if the check called `Name` registers the parent index's root matcher
/// (analysis/ParentIndex.h) for the translation unit `Context` is on. One
/// enabled check does, so that the finder runs the root matcher once per
/// declaration rather than once per check.
bool ownsParentIndexRoots(const ClangTidyContext &Context,
                          llvm::StringRef Name);

/// Drops what the analyses keep for the translation unit on the calling
/// thread (the parent index, the roles of declarations); each check calls it
/// at the end of every translation unit, before its AST goes away.
void forgetTranslationUnit();

/// True if `S` is written in a system header. No tether check reports there,
/// so each skips such a match before it analyses anything.
inline bool isInSystemHeader(const Stmt *S, const SourceManager &SM) {
  return SM.isInSystemHeader(S->getBeginLoc());
}

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_TETHERCHECKS_H
