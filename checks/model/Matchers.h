//===--- Matchers.h - tether clang-tidy -------------------------*- C++ -*-===//
//
// Matchers the checks share, written for the match finder's speed. The finder
// pays a fixed cost each time it runs a matcher on a node of the matcher's
// kind, whether or not the matcher then matches; on real code that cost, not
// the model's tests, is most of what the checks add to the parse. So the
// checks look for their roles (the calls and constructions they analyse)
// through one matcher per node kind for all of them, registered on the
// narrowest kind (calls, constructions; never all expressions), which tests
// the model directly rather than through nested matchers.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_MATCHERS_H
#define TETHER_CHECKS_MODEL_MATCHERS_H

#include "ApiModel.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <functional>
#include <vector>

namespace clang::tidy::tether::model {

/// A role a check looks for in nodes of kind `T`: the id a node that plays it
/// is bound to, and the test.
template <class T> struct NodeRole {
  llvm::StringRef Id;
  std::function<bool(const T &)> PlayedBy;
};

/// The role `Id` of calls whose direct callee satisfies `Test`.
NodeRole<CallExpr> calleeRole(llvm::StringRef Id,
                              std::function<bool(const FunctionDecl &)> Test);

/// The role "spawn" of the calls or constructions `Model` recognises as spawn
/// sites.
template <class T> NodeRole<T> spawnRole(const ApiModel &Model) {
  return {"spawn", [&Model](const T &Node) {
            return Model.getSpawnSite(&Node).has_value();
          }};
}

/// Has `Check` called back on the nodes of kind `T` (CallExpr or
/// CXXConstructExpr) without compile errors that play a role of `Roles`,
/// with the node bound to the id of every role it plays, so that one
/// callback handles them all. The roles of every check of `Finder` are
/// tested by one matcher per kind, added on the first call for that kind:
/// the finder's cost per matcher and node is then paid once per node, not
/// once per check. Checks are called back in the order they added roles.
template <class T>
void addRoleMatcher(ast_matchers::MatchFinder *Finder,
                    std::vector<NodeRole<T>> Roles,
                    ast_matchers::MatchFinder::MatchCallback *Check);

extern template void
addRoleMatcher<CallExpr>(ast_matchers::MatchFinder *,
                         std::vector<NodeRole<CallExpr>>,
                         ast_matchers::MatchFinder::MatchCallback *);
extern template void
addRoleMatcher<CXXConstructExpr>(ast_matchers::MatchFinder *,
                                 std::vector<NodeRole<CXXConstructExpr>>,
                                 ast_matchers::MatchFinder::MatchCallback *);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_MATCHERS_H
