//===--- Matchers.cpp - tether clang-tidy ---------------------------------===//

#include "Matchers.h"

namespace clang::tidy::tether::model {

using namespace ast_matchers;

namespace {
AST_MATCHER_P(Expr, isSpawnSite, const ApiModel *, Model) {
  return !Node.containsErrors() && Model->getSpawnSite(&Node).has_value();
}
} // namespace

void registerSpawnSiteMatchers(MatchFinder *Finder, const ApiModel *Model,
                               MatchFinder::MatchCallback *Check) {
  Finder->addMatcher(callExpr(isSpawnSite(Model)).bind("spawn"), Check);
  Finder->addMatcher(cxxConstructExpr(isSpawnSite(Model)).bind("spawn"), Check);
}

} // namespace clang::tidy::tether::model
