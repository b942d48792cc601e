//===--- Matchers.h - tether clang-tidy -------------------------*- C++ -*-===//
//
// Matchers the checks share, written for the match finder's speed. The finder
// pays a fixed cost each time it runs a matcher on a node of the matcher's
// kind, whether or not the matcher then matches; on real code that cost, not
// the model's tests, is most of what the checks add to the parse. So a check
// looks for all its roles in one kind of node with one matcher (a role
// matcher), registered on the narrowest kind (calls, constructions; never all
// expressions), which tests the model directly rather than through nested
// matchers.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_MATCHERS_H
#define TETHER_CHECKS_MODEL_MATCHERS_H

#include "ApiModel.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <functional>
#include <utility>
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

namespace detail {
template <class T>
class RoleMatcher : public ast_matchers::internal::MatcherInterface<T> {
public:
  explicit RoleMatcher(std::vector<NodeRole<T>> Roles)
      : Roles(std::move(Roles)) {}

  bool matches(
      const T &Node, ast_matchers::internal::ASTMatchFinder *,
      ast_matchers::internal::BoundNodesTreeBuilder *Builder) const override {
    if (Node.containsErrors())
      return false;
    bool Plays = false;
    for (const NodeRole<T> &R : Roles)
      if (R.PlayedBy(Node)) {
        Builder->setBinding(R.Id, DynTypedNode::create(Node));
        Plays = true;
      }
    return Plays;
  }

private:
  std::vector<NodeRole<T>> Roles;
};
} // namespace detail

/// Adds to `Finder` one matcher for the nodes of kind `T` (an expression kind)
/// without compile errors that play a role of `Roles`; a match binds the node
/// to the id of every role it plays, so `Check` handles them in one callback.
/// Registered as is, not under `callExpr(...)`, which would wrap it in one
/// more matcher to run.
template <class T>
void addRoleMatcher(ast_matchers::MatchFinder *Finder,
                    std::vector<NodeRole<T>> Roles,
                    ast_matchers::MatchFinder::MatchCallback *Check) {
  ast_matchers::internal::DynTypedMatcher Matcher(
      ast_matchers::internal::Matcher<T>(
          new detail::RoleMatcher<T>(std::move(Roles))));
  Finder->addMatcher(Matcher.dynCastTo(ASTNodeKind::getFromNodeKind<Stmt>())
                         .template unconditionalConvertTo<Stmt>(),
                     Check);
}

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_MATCHERS_H
