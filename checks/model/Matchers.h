//===--- Matchers.h - tether clang-tidy -------------------------*- C++ -*-===//
//
// Matchers the checks share, written for the match finder's speed: it runs a
// matcher on every node of the matcher's kind, so each is registered on the
// narrowest kind (calls, constructions; never all expressions) and tests the
// model directly rather than through nested matchers.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_MODEL_MATCHERS_H
#define TETHER_CHECKS_MODEL_MATCHERS_H

#include "ApiModel.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <functional>

namespace clang::tidy::tether::model {

/// Matches a call whose direct callee satisfies `Predicate`: what
/// `callExpr(callee(functionDecl(P)))` matches, in one matcher.
AST_MATCHER_P(CallExpr, callsFunction,
              std::function<bool(const FunctionDecl &)>, Predicate) {
  const FunctionDecl *Callee = Node.getDirectCallee();
  return Callee && Predicate(*Callee);
}

/// Matches every spawn site `Model` recognises that has no compile errors,
/// binding it to "spawn".
void registerSpawnSiteMatchers(ast_matchers::MatchFinder *Finder,
                               const ApiModel *Model,
                               ast_matchers::MatchFinder::MatchCallback *Check);

} // namespace clang::tidy::tether::model

#endif // TETHER_CHECKS_MODEL_MATCHERS_H
